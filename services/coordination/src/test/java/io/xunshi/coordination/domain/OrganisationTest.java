package io.xunshi.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.coordination.OrganisationEvent;
import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.contracts.coordination.OrganisationRegistered;
import io.xunshi.contracts.coordination.OrganisationRenamed;
import io.xunshi.testing.decider.DeciderSpec;

class OrganisationTest {

    private static final Organisation DECIDER = new Organisation();
    private final DeciderSpec<Organisation.Command, OrganisationEvent, Organisation.State> organisation = DeciderSpec
            .of(DECIDER::initialState, DECIDER::decide, DECIDER::evolve);

    private static final OrganisationRegistered REGISTERED = new OrganisationRegistered("org-1", "广州市交通运输局",
            OrganisationKind.DEPARTMENT, "440100", "440100");

    @Test
    void registering_strips_the_name_and_defaults_the_location_to_the_managing_jurisdiction() {
        organisation.when(new Organisation.Register("org-1", " 广州市交通运输局 ", OrganisationKind.DEPARTMENT, "440100",
                null)).then(REGISTERED).andState(s -> {
                    assertThat(s.registered()).isTrue();
                    assertThat(s).isEqualTo(new Organisation.State("org-1", "广州市交通运输局",
                            OrganisationKind.DEPARTMENT, "440100", "440100"));
                });
    }

    @Test
    void an_organisation_may_be_located_anywhere_below_the_jurisdiction_that_manages_it() {
        organisation.when(new Organisation.Register("org-2", "天河区某单位", OrganisationKind.PUBLIC_INSTITUTION,
                "440100", "440106")).then(new OrganisationRegistered("org-2", "天河区某单位",
                        OrganisationKind.PUBLIC_INSTITUTION, "440100", "440106"));
    }

    @Test
    void a_location_outside_the_managing_jurisdiction_is_invalid_on_location() {
        organisation.when(new Organisation.Register("org-2", "某单位", OrganisationKind.DEPARTMENT, "440100",
                "450100")).thenInvalid(Organisation.LOCATION_OUTSIDE_JURISDICTION, "location");
        organisation.when(new Organisation.Register("org-3", "某单位", OrganisationKind.DEPARTMENT, "440100",
                "440000")).thenInvalid(Organisation.LOCATION_OUTSIDE_JURISDICTION, "location");
    }

    @Test
    void an_organisation_is_registered_once() {
        organisation.given(REGISTERED).when(new Organisation.Register("org-1", "again", OrganisationKind.DEPARTMENT,
                "440100", null)).thenRejected(Organisation.ALREADY_REGISTERED);
    }

    @Test
    void renaming_records_the_new_name_stripped() {
        organisation.given(REGISTERED).when(new Organisation.Rename(" 广州市交通局 "))
                .then(new OrganisationRenamed("org-1", "广州市交通局")).andState(s -> {
                    assertThat(s.name()).isEqualTo("广州市交通局");
                    assertThat(s.location()).isEqualTo("440100");
                });
    }

    @Test
    void renaming_to_the_same_name_decides_nothing() {
        organisation.given(REGISTERED).when(new Organisation.Rename(" 广州市交通运输局")).thenNothing();
    }

    @Test
    void an_organisation_not_registered_cannot_be_renamed() {
        organisation.when(new Organisation.Rename("x")).thenRejected(Organisation.NOT_REGISTERED);
    }
}
