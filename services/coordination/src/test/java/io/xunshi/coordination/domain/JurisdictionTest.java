package io.xunshi.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.coordination.JurisdictionLevel;
import io.xunshi.contracts.coordination.JurisdictionRegistered;
import io.xunshi.contracts.coordination.JurisdictionRenamed;
import io.xunshi.kernel.domain.DomainRejection;

class JurisdictionTest {

    private final Jurisdiction jurisdiction = new Jurisdiction();
    private final JurisdictionRegistered registered = new JurisdictionRegistered("330106", "西湖区",
            JurisdictionLevel.COUNTY, "330100", "src");

    @Test
    void a_jurisdiction_is_registered_once_under_its_parent() {
        assertThat(jurisdiction.decide(new Jurisdiction.Register("330106", " 西湖区 ", JurisdictionLevel.COUNTY,
                "330100", "src"), jurisdiction.initialState())).containsExactly(registered);
        assertThatThrownBy(() -> jurisdiction.decide(new Jurisdiction.Register("330106", "西湖区",
                JurisdictionLevel.COUNTY, "330100", "src"), jurisdiction.fold(List.of(registered))))
                .isInstanceOf(DomainRejection.class);
        assertThatThrownBy(() -> jurisdiction.decide(new Jurisdiction.Register("330106", "西湖区",
                JurisdictionLevel.COUNTY, null, "src"), jurisdiction.initialState()))
                .isInstanceOf(DomainRejection.class);
    }

    @Test
    void renaming_to_the_same_name_decides_nothing() {
        var state = jurisdiction.fold(List.of(registered));
        assertThat(jurisdiction.decide(new Jurisdiction.Rename("西湖区", "new"), state)).isEmpty();
        assertThat(jurisdiction.decide(new Jurisdiction.Rename("西湖新区", "new"), state))
                .containsExactly(new JurisdictionRenamed("330106", "西湖新区", "new"));
    }
}
