package io.xunshi.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.contracts.coordination.OrganisationRegistered;
import io.xunshi.contracts.coordination.OrganisationRenamed;
import io.xunshi.kernel.domain.DomainRejection;

class OrganisationTest {

    private final Organisation organisation = new Organisation();
    private final OrganisationRegistered registered = new OrganisationRegistered("org-1", "广州市交通运输局",
            OrganisationKind.DEPARTMENT, "440100", "440100");

    @Test
    void registering_defaults_the_location_to_the_managing_jurisdiction() {
        var events = organisation.decide(new Organisation.Register("org-1", " 广州市交通运输局 ",
                OrganisationKind.DEPARTMENT, "440100", null), organisation.initialState());

        assertThat(events).containsExactly(registered);
    }

    @Test
    void an_organisation_cannot_be_located_outside_the_jurisdiction_that_manages_it() {
        assertThatThrownBy(() -> organisation.decide(new Organisation.Register("org-2", "某单位",
                OrganisationKind.DEPARTMENT, "440100", "450100"), organisation.initialState()))
                .isInstanceOf(DomainRejection.class)
                .extracting(e -> ((DomainRejection) e).code()).isEqualTo("location-outside-jurisdiction");
    }

    @Test
    void an_organisation_is_registered_once() {
        assertThatThrownBy(() -> organisation.decide(new Organisation.Register("org-1", "again",
                OrganisationKind.DEPARTMENT, "440100", null), organisation.fold(List.of(registered))))
                .isInstanceOf(DomainRejection.class);
    }

    @Test
    void renaming_to_the_same_name_decides_nothing_and_to_a_new_name_records_it() {
        var state = organisation.fold(List.of(registered));

        assertThat(organisation.decide(new Organisation.Rename("广州市交通运输局"), state)).isEmpty();
        assertThat(organisation.decide(new Organisation.Rename("广州市交通局"), state))
                .containsExactly(new OrganisationRenamed("org-1", "广州市交通局"));
    }
}
