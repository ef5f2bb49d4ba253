package io.xunshi.kernel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JurisdictionsTest {

    @Test
    void the_centre_contains_every_jurisdiction() {
        assertThat(Jurisdictions.contains(Jurisdictions.CENTRE, "440000")).isTrue();
        assertThat(Jurisdictions.contains(Jurisdictions.CENTRE, "440106")).isTrue();
        assertThat(Jurisdictions.contains(Jurisdictions.CENTRE, Jurisdictions.CENTRE)).isTrue();
    }

    @Test
    void a_province_contains_its_cities_and_counties_and_not_another_province() {
        assertThat(Jurisdictions.contains("440000", "440100")).isTrue();
        assertThat(Jurisdictions.contains("440000", "440106")).isTrue();
        assertThat(Jurisdictions.contains("440000", "440106001001")).isTrue();
        assertThat(Jurisdictions.contains("440000", "450100")).isFalse();
        assertThat(Jurisdictions.contains("440000", Jurisdictions.CENTRE)).isFalse();
    }

    @Test
    void a_city_contains_its_counties_but_not_its_province_or_a_sibling_city() {
        assertThat(Jurisdictions.contains("440100", "440106")).isTrue();
        assertThat(Jurisdictions.contains("440100", "440000")).isFalse();
        assertThat(Jurisdictions.contains("440100", "440300")).isFalse();
    }

    @Test
    void a_county_contains_itself_and_its_villages_only() {
        assertThat(Jurisdictions.contains("440106", "440106")).isTrue();
        assertThat(Jurisdictions.contains("440106", "440106001001")).isTrue();
        assertThat(Jurisdictions.contains("440106", "440107")).isFalse();
        assertThat(Jurisdictions.contains("440106", "440100")).isFalse();
    }

    @Test
    void levels_and_parents_follow_the_codes() {
        assertThat(Jurisdictions.level("110000")).isEqualTo(Jurisdictions.Level.PROVINCIAL);
        assertThat(Jurisdictions.level("110100")).isEqualTo(Jurisdictions.Level.CITY);
        assertThat(Jurisdictions.level("110105")).isEqualTo(Jurisdictions.Level.COUNTY);
        assertThat(Jurisdictions.parent("110105")).isEqualTo("110100");
        assertThat(Jurisdictions.parent("110100")).isEqualTo("110000");
        assertThat(Jurisdictions.parent("110000")).isEqualTo(Jurisdictions.CENTRE);
        assertThat(Jurisdictions.parent(Jurisdictions.CENTRE)).isNull();
    }

    @Test
    void malformed_codes_are_in_no_subtree() {
        assertThat(Jurisdictions.isValid("44")).isFalse();
        assertThat(Jurisdictions.isValid("44010a")).isFalse();
        assertThat(Jurisdictions.isValid("001100")).isFalse();
        assertThat(Jurisdictions.contains(Jurisdictions.CENTRE, "abc")).isFalse();
    }

    @Test
    void a_jurisdiction_padded_to_twelve_digits_is_no_code_but_a_township_or_village_below_a_county_is() {
        assertThat(Jurisdictions.isValid("440000000000")).as("a province padded").isFalse();
        assertThat(Jurisdictions.isValid("000000000000")).as("the Centre padded").isFalse();
        assertThat(Jurisdictions.isValid("440106000000")).as("a county padded").isFalse();
        assertThat(Jurisdictions.isValid("440100000000")).as("a city padded").isFalse();
        assertThat(Jurisdictions.contains("440000", "440000000000")).isFalse();
        assertThat(Jurisdictions.isValid("440106001000")).as("a township").isTrue();
        assertThat(Jurisdictions.isValid("440106001001")).as("a village").isTrue();
        assertThat(Jurisdictions.isValid("441900003000")).as("a township of a city without counties").isTrue();
        assertThat(Jurisdictions.contains("441900", "441900003000")).isTrue();
        assertThat(Jurisdictions.level("440106001001")).isEqualTo(Jurisdictions.Level.BELOW_COUNTY);
    }
}
