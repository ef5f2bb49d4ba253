package io.xunshi.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.coordination.JurisdictionEvent;
import io.xunshi.contracts.coordination.JurisdictionLevel;
import io.xunshi.contracts.coordination.JurisdictionRegistered;
import io.xunshi.contracts.coordination.JurisdictionRenamed;
import io.xunshi.testing.decider.DeciderSpec;

class JurisdictionTest {

    private static final Jurisdiction DECIDER = new Jurisdiction();
    private final DeciderSpec<Jurisdiction.Command, JurisdictionEvent, Jurisdiction.State> jurisdiction = DeciderSpec
            .of(DECIDER::initialState, DECIDER::decide, DECIDER::evolve);

    private static final JurisdictionRegistered REGISTERED = new JurisdictionRegistered("330106", "西湖区",
            JurisdictionLevel.COUNTY, "330100", "src");

    @Test
    void a_jurisdiction_is_registered_under_its_parent_with_its_name_stripped() {
        jurisdiction.when(new Jurisdiction.Register("330106", " 西湖区 ", JurisdictionLevel.COUNTY, "330100", "src"))
                .then(REGISTERED).andState(s -> assertThat(s).isEqualTo(new Jurisdiction.State("330106", "西湖区",
                        JurisdictionLevel.COUNTY, "330100")));
    }

    @Test
    void the_centre_is_registered_without_a_parent() {
        jurisdiction.when(new Jurisdiction.Register("000000", "中央", JurisdictionLevel.CENTRAL, null, "src"))
                .then(new JurisdictionRegistered("000000", "中央", JurisdictionLevel.CENTRAL, null, "src"));
    }

    @Test
    void only_the_centre_has_no_parent_else_the_command_is_invalid_on_parent_code() {
        jurisdiction.when(new Jurisdiction.Register("330106", "西湖区", JurisdictionLevel.COUNTY, null, "src"))
                .thenInvalid(Jurisdiction.PARENT_REQUIRED, "parentCode");
        jurisdiction.when(new Jurisdiction.Register("000000", "中央", JurisdictionLevel.CENTRAL, "110000", "src"))
                .thenInvalid(Jurisdiction.PARENT_REQUIRED, "parentCode");
    }

    @Test
    void a_jurisdiction_is_registered_once() {
        jurisdiction.given(REGISTERED).when(new Jurisdiction.Register("330106", "西湖区", JurisdictionLevel.COUNTY,
                "330100", "src")).thenRejected(Jurisdiction.ALREADY_REGISTERED);
    }

    @Test
    void a_new_name_from_a_newer_table_is_recorded_with_its_source() {
        jurisdiction.given(REGISTERED).when(new Jurisdiction.Rename(" 西湖新区 ", "new"))
                .then(new JurisdictionRenamed("330106", "西湖新区", "new")).andState(s -> {
                    assertThat(s.name()).isEqualTo("西湖新区");
                    assertThat(s.parentCode()).isEqualTo("330100");
                });
    }

    @Test
    void renaming_to_the_same_name_decides_nothing() {
        jurisdiction.given(REGISTERED).when(new Jurisdiction.Rename("西湖区 ", "new")).thenNothing();
    }

    @Test
    void a_jurisdiction_not_registered_cannot_be_renamed() {
        jurisdiction.when(new Jurisdiction.Rename("西湖区", "new")).thenRejected(Jurisdiction.NOT_REGISTERED);
    }
}
