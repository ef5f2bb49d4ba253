package io.xunshi.inspection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.inspection.CadreEvent;
import io.xunshi.contracts.inspection.CadrePostChanged;
import io.xunshi.contracts.inspection.CadreRegistered;
import io.xunshi.contracts.inspection.CadreVetted;
import io.xunshi.contracts.inspection.CloseRelation;
import io.xunshi.contracts.inspection.CloseRelationDeclared;
import io.xunshi.contracts.inspection.Post;
import io.xunshi.contracts.inspection.VettingCheck;
import io.xunshi.testing.decider.DeciderSpec;

class CadreTest {

    private static final Cadre DECIDER = new Cadre();
    private final DeciderSpec<Cadre.Command, CadreEvent, Cadre.State> cadre = DeciderSpec.of(DECIDER::initialState,
            DECIDER::decide, DECIDER::evolve);

    static final Post FINANCE = new Post("org-hz-finance", "杭州市财政局", "org-zj-finance", "副局长",
            LocalDate.of(2019, 3, 1));
    static final Post AUDIT = new Post("org-zj-audit", "浙江省审计厅", null, "处长", LocalDate.of(2024, 6, 1));
    static final CadreRegistered REGISTERED = new CadreRegistered("c-1", "330000", "王强", "wang@330000", "正处级",
            List.of("财务", "审计"), FINANCE);

    @Test
    void a_cadre_joins_the_pool_with_the_present_post_and_nothing_passed() {
        cadre.when(new Cadre.Register("c-1", "330000", " 王强 ", " wang@330000 ", "正处级", List.of(" 财务", "审计", "财务"),
                new Post(" org-hz-finance ", "杭州市财政局 ", "org-zj-finance", " 副局长", FINANCE.since())))
                .then(REGISTERED).andState(s -> {
                    assertThat(s.present()).isEqualTo(FINANCE);
                    assertThat(s.posts()).hasSize(1);
                    assertThat(s.vetted()).isFalse();
                });
    }

    @Test
    void a_cadre_joins_once() {
        cadre.given(REGISTERED).when(new Cadre.Register("c-1", "330000", "王强", "w", "r", List.of(), FINANCE))
                .thenRejected(Cadre.ALREADY_REGISTERED);
    }

    @Test
    void nothing_is_recorded_for_a_cadre_not_in_the_pool() {
        cadre.when(new Cadre.ChangePost(AUDIT)).thenRejected(Cadre.NOT_REGISTERED);
        cadre.when(new Cadre.Vet(VettingCheck.POLITICAL, LocalDate.of(2026, 1, 1))).thenRejected(Cadre.NOT_REGISTERED);
        cadre.when(new Cadre.DeclareRelation("o", CloseRelation.SPOUSE, LocalDate.of(2026, 1, 1)))
                .thenRejected(Cadre.NOT_REGISTERED);
    }

    @Test
    void a_new_post_ends_the_present_one_the_day_before_and_keeps_it_in_the_history() {
        cadre.given(REGISTERED).when(new Cadre.ChangePost(AUDIT)).then(new CadrePostChanged("c-1", AUDIT))
                .andState(s -> {
                    assertThat(s.present()).isEqualTo(AUDIT);
                    assertThat(s.posts()).extracting(Cadre.HeldPost::until)
                            .containsExactly(LocalDate.of(2024, 5, 31), null);
                });
    }

    @Test
    void a_new_post_begins_after_the_present_one() {
        cadre.given(REGISTERED).when(new Cadre.ChangePost(new Post("u", "n", null, "t", FINANCE.since())))
                .thenInvalid(Cadre.POST_OUT_OF_ORDER, "since");
    }

    @Test
    void a_relation_is_declared_once_per_organisation_and_kind() {
        CloseRelationDeclared declared = new CloseRelationDeclared("c-1", "org-hz-tax", CloseRelation.SPOUSE,
                LocalDate.of(2026, 2, 10));
        cadre.given(REGISTERED).when(new Cadre.DeclareRelation("org-hz-tax", CloseRelation.SPOUSE,
                LocalDate.of(2026, 2, 10))).then(declared);
        cadre.given(REGISTERED, declared).when(new Cadre.DeclareRelation("org-hz-tax", CloseRelation.SPOUSE,
                LocalDate.of(2026, 3, 1))).thenNothing();
    }

    @Test
    void a_cadre_is_vetted_once_all_three_checks_are_passed() {
        LocalDate day = LocalDate.of(2026, 1, 10);
        cadre.given(REGISTERED, new CadreVetted("c-1", VettingCheck.POLITICAL, day),
                new CadreVetted("c-1", VettingCheck.INTEGRITY, day))
                .when(new Cadre.Vet(VettingCheck.CONDUCT, day)).then(new CadreVetted("c-1", VettingCheck.CONDUCT, day))
                .andState(s -> assertThat(s.vetted()).isTrue());
        cadre.given(REGISTERED, new CadreVetted("c-1", VettingCheck.POLITICAL, day))
                .when(new Cadre.Vet(VettingCheck.INTEGRITY, day))
                .then(new CadreVetted("c-1", VettingCheck.INTEGRITY, day))
                .andState(s -> assertThat(s.vetted()).isFalse());
    }
}
