package io.xunshi.testing.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/** The one access rule and the tree positions it places callers at, without a service. */
class AccessRuleTest {

    static final Probe.Call NO_CALL = (request, home) -> {
        throw new AssertionError("not called");
    };

    static final Operation READ = new Operation("GET", "/things/{id}", "getThing", "Read a thing",
            Set.of("inspection-office", "auditor"));

    private static List<Outcome> row(Operation operation, Probe probe, String role) {
        return Arrays.stream(Position.values()).map(p -> AccessRule.expected(operation, probe, role, p)).toList();
    }

    @Test
    void positions_are_real_codes_inside_above_beside_and_below() {
        assertThat(Arrays.stream(Position.values()).map(p -> p.callerFor("330000")))
                .containsExactly("330000", "000000", "320000", "330100");
        assertThat(Arrays.stream(Position.values()).map(p -> p.callerFor("330100")))
                .containsExactly("330100", "330000", "330200", "330102");
        assertThat(Arrays.stream(Position.values()).map(p -> p.callerFor("330106")))
                .containsExactly("330106", "330100", "330107", "330106001000");
        assertThat(Arrays.stream(Position.values()).map(p -> p.callerFor("110000")))
                .containsExactly("110000", "000000", "120000", "110100");
        assertThat(Arrays.stream(Position.values()).map(p -> p.callerFor("000000")))
                .containsExactly("000000", null, null, "330000");
    }

    @Test
    void a_role_the_document_does_not_name_is_refused_everywhere() {
        assertThat(row(READ, Probe.resource("330000", NO_CALL), "team-member")).containsOnly(Outcome.FORBIDDEN);
        assertThat(row(READ, Probe.open("330000", NO_CALL), "public")).containsOnly(Outcome.FORBIDDEN);
    }

    @Test
    void outside_the_subtree_a_resource_is_hidden_a_write_or_filter_refused_and_a_view_blind() {
        assertThat(row(READ, Probe.resource("330000", NO_CALL), "auditor"))
                .containsExactly(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.HIDDEN, Outcome.HIDDEN);
        assertThat(row(READ, Probe.create("330000", NO_CALL), "auditor"))
                .containsExactly(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.FORBIDDEN, Outcome.FORBIDDEN);
        assertThat(row(READ, Probe.filteredList("330000", NO_CALL), "auditor"))
                .containsExactly(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.FORBIDDEN, Outcome.FORBIDDEN);
        assertThat(row(READ, Probe.view("330000", NO_CALL, r -> true), "auditor"))
                .containsExactly(Outcome.LISTED, Outcome.LISTED, Outcome.NOT_LISTED, Outcome.NOT_LISTED);
        assertThat(row(READ, Probe.open("330000", NO_CALL), "auditor")).containsOnly(Outcome.ALLOWED);
    }

    @Test
    void a_role_without_a_side_never_sees_the_resource_and_a_side_moves_the_positions() {
        Probe twoSided = Probe.resource("330000", NO_CALL).side("auditor", "330100").hiddenFrom("inspection-office");
        assertThat(row(READ, twoSided, "inspection-office")).containsOnly(Outcome.HIDDEN);
        assertThat(row(READ, twoSided, "auditor"))
                .containsExactly(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.HIDDEN, Outcome.HIDDEN);
        assertThat(AccessRule.callerHome(twoSided, "auditor", Position.ABOVE)).isEqualTo("330000");
        assertThat(AccessRule.callerHome(twoSided, "auditor", Position.BELOW)).isEqualTo("330102");
        Probe view = Probe.view("330000", NO_CALL, (Response r) -> true).hiddenFrom("auditor");
        assertThat(row(READ, view, "auditor")).containsOnly(Outcome.NOT_LISTED);
    }

    @Test
    void nothing_lies_above_or_beside_the_centre() {
        assertThat(row(READ, Probe.create("000000", NO_CALL), "inspection-office"))
                .containsExactly(Outcome.ALLOWED, Outcome.NO_SUCH_CALLER, Outcome.NO_SUCH_CALLER, Outcome.FORBIDDEN);
    }
}
