package io.xunshi.inspection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.inspection.CadrePostChanged;
import io.xunshi.contracts.inspection.CloseRelation;
import io.xunshi.contracts.inspection.CloseRelationDeclared;

/** Each recusal policy on its own: when it objects, when it does not. */
class RecusalTest {

    private static final Cadre DECIDER = new Cadre();

    /** 王强: at Hangzhou's finance bureau (under Zhejiang's finance department) 2019–2024, at Zhejiang's audit office since. */
    private static final Cadre.State WANG = DECIDER.evolve(DECIDER.evolve(DECIDER.evolve(DECIDER.initialState(),
            CadreTest.REGISTERED), new CadrePostChanged("c-1", CadreTest.AUDIT)),
            new CloseRelationDeclared("c-1", "org-hz-tax", CloseRelation.SPOUSE, LocalDate.of(2026, 2, 10)));

    private static Recusal.Target target(String id, String superior) {
        return new Recusal.Target(id, "单位 " + id, superior);
    }

    @Test
    void nobody_inspects_the_organisation_they_work_in() {
        assertThat(Recusal.WORKS_THERE.objection(WANG, target("org-zj-audit", null))).get().asString()
                .contains("works in");
        assertThat(Recusal.WORKS_THERE.objection(WANG, target("org-hz-finance", null))).isEmpty();
    }

    @Test
    void nobody_inspects_an_organisation_they_worked_in() {
        assertThat(Recusal.WORKED_THERE.objection(WANG, target("org-hz-finance", null))).get().asString()
                .contains("worked in").contains("2019-03-01 to 2024-05-31");
        assertThat(Recusal.WORKED_THERE.objection(WANG, target("org-zj-audit", null))).as("the present post")
                .isEmpty();
    }

    @Test
    void nobody_inspects_the_superior_of_their_unit_or_a_subordinate_of_it() {
        Cadre.State atFinance = DECIDER.evolve(DECIDER.initialState(), CadreTest.REGISTERED);
        assertThat(Recusal.SUPERIOR_OR_SUBORDINATE.objection(atFinance, target("org-zj-finance", null))).get()
                .asString().contains("superior");
        assertThat(Recusal.SUPERIOR_OR_SUBORDINATE.objection(atFinance, target("org-hz-finance-office",
                "org-hz-finance"))).get().asString().contains("subordinate");
        assertThat(Recusal.SUPERIOR_OR_SUBORDINATE.objection(atFinance, target("org-hz-education",
                "org-hz-government"))).isEmpty();
        assertThat(Recusal.SUPERIOR_OR_SUBORDINATE.objection(WANG, target("org-zj-finance", null)))
                .as("the superior of a unit they left").isEmpty();
    }

    @Test
    void nobody_inspects_an_organisation_they_declared_a_close_relation_to() {
        assertThat(Recusal.CLOSE_RELATION.objection(WANG, target("org-hz-tax", null))).get().asString()
                .contains("SPOUSE");
        assertThat(Recusal.CLOSE_RELATION.objection(WANG, target("org-hz-customs", null))).isEmpty();
    }

    @Test
    void every_objection_is_reported_with_its_rule_and_an_unrelated_target_has_none() {
        assertThat(Recusal.check(WANG, target("org-zj-audit", "org-hz-tax"))).extracting(Recusal.Violation::rule)
                .containsExactly(Recusal.Rule.WORKS_THERE);
        assertThat(Recusal.check(WANG, target("org-nb-water", "org-nb-government"))).isEmpty();
        assertThat(Recusal.POLICIES).extracting(Recusal.Policy::rule).containsExactly(Recusal.Rule.values());
        assertThat(Recusal.Rule.CLOSE_RELATION.code()).isEqualTo("recusal-close-relation");
    }
}
