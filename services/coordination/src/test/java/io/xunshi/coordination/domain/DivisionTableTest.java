package io.xunshi.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.coordination.JurisdictionLevel;
import io.xunshi.coordination.application.JurisdictionTree;
import io.xunshi.coordination.infrastructure.JurisdictionSeeder;
import io.xunshi.kernel.domain.Jurisdictions;

class DivisionTableTest {

    private static final DivisionTable TABLE = JurisdictionSeeder.defaultTable();
    private static final Map<String, DivisionTable.Division> BY_CODE = TABLE.divisions().stream()
            .collect(Collectors.toMap(DivisionTable.Division::code, Function.identity()));

    @Test
    void the_2023_table_has_31_provinces_333_cities_and_2975_distinct_counties() {
        assertThat(TABLE.count(JurisdictionLevel.PROVINCIAL)).isEqualTo(31);
        assertThat(TABLE.count(JurisdictionLevel.CITY)).isEqualTo(333);
        // 2,978 county rows, of which 3 are their own city (441900 东莞市, 442000 中山市, 460400 儋州市).
        assertThat(TABLE.citiesAsCounties()).isEqualTo(3);
        assertThat(TABLE.count(JurisdictionLevel.COUNTY)).isEqualTo(2978 - 3);
        assertThat(TABLE.placeholders()).isEqualTo(9);
        assertThat(JurisdictionTree.registrations(TABLE, "t")).hasSize(3340)
                .extracting(Jurisdiction.Register::code).doesNotHaveDuplicates();
    }

    @Test
    void placeholder_cities_are_left_out_and_their_counties_hang_under_the_province() {
        assertThat(BY_CODE.get("110101")).isEqualTo(new DivisionTable.Division("110101", "东城区",
                JurisdictionLevel.COUNTY, "110000"));
        assertThat(BY_CODE.get("429004").parentCode()).isEqualTo("420000");
        assertThat(BY_CODE.get("429004").name()).isEqualTo("仙桃市");
        assertThat(BY_CODE.get("500229").parentCode()).isEqualTo("500000");
        assertThat(BY_CODE.get("659001").parentCode()).isEqualTo("650000");
        assertThat(BY_CODE.get("330106").parentCode()).isEqualTo("330100");
        assertThat(BY_CODE).doesNotContainKeys("110100", "429000", "500200", "659000");
        assertThat(TABLE.divisions()).noneMatch(d -> DivisionTable.PLACEHOLDER_CITIES.contains(d.name())
                && d.level() == JurisdictionLevel.CITY);
    }

    @Test
    void a_city_without_counties_is_one_jurisdiction_and_parents_come_before_children() {
        assertThat(BY_CODE.get("441900")).isEqualTo(new DivisionTable.Division("441900", "东莞市",
                JurisdictionLevel.CITY, "440000"));
        java.util.Set<String> seen = new java.util.HashSet<>(java.util.Set.of(Jurisdictions.CENTRE));
        for (DivisionTable.Division d : TABLE.divisions()) {
            assertThat(seen).as("parent of " + d.code()).contains(d.parentCode());
            assertThat(Jurisdictions.contains(d.parentCode(), d.code())).as(d.code()).isTrue();
            seen.add(d.code());
        }
    }

    @Test
    void a_wrong_header_a_bad_code_and_a_county_without_its_city_are_named_by_line() {
        assertThatThrownBy(() -> DivisionTable.parse("id,name\n11,北京市\n", "code,name,provinceCode\n",
                "code,name,cityCode,provinceCode\n"))
                .isInstanceOf(DivisionTable.Malformed.class)
                .satisfies(e -> assertThat(((DivisionTable.Malformed) e).errors())
                        .containsExactly(new DivisionTable.LineError("provinces", 1,
                                "the header must be \"code,name\", not \"id,name\"")));

        DivisionTable.Malformed malformed = catchMalformed("code,name\n11,\"北京市\"\n1X,\"坏省\"\n",
                "code,name,provinceCode\n1101,\"市辖区\",11\n",
                "code,name,cityCode,provinceCode\n110101,\"东城区\",1101,11\n110201,\"无市区\",1102,11\n"
                        + "110102,\"西城区\"\n");
        assertThat(malformed.errors()).extracting(DivisionTable.LineError::toString).containsExactly(
                "provinces.csv line 3: province code must be 2 digits other than 00, not \"1X\"",
                "areas.csv line 4: expected 4 fields (code,name,cityCode,provinceCode), found 2",
                "areas.csv line 3: county 110201 names city 1102, which cities.csv lacks");
    }

    @Test
    void quoted_fields_may_hold_commas_and_quotes() {
        assertThat(DivisionTable.fields("11,\"北京,\"\"市\"\"\"")).containsExactly("11", "北京,\"市\"");
        assertThat(DivisionTable.fields("11,\"open")).isNull();
    }

    private static DivisionTable.Malformed catchMalformed(String p, String c, String a) {
        try {
            DivisionTable.parse(p, c, a);
        } catch (DivisionTable.Malformed e) {
            return e;
        }
        throw new AssertionError("the table was accepted");
    }
}
