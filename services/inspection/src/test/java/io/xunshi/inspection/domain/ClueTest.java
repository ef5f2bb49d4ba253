package io.xunshi.inspection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.inspection.ClueAcknowledged;
import io.xunshi.contracts.inspection.ClueCategory;
import io.xunshi.contracts.inspection.ClueDisposed;
import io.xunshi.contracts.inspection.ClueDisposition;
import io.xunshi.contracts.inspection.ClueEvent;
import io.xunshi.contracts.inspection.ClueHandedOver;
import io.xunshi.contracts.inspection.ClueReceiver;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.contracts.inspection.InspectionStationed;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.inspection.domain.Clue.ClueStatus;
import io.xunshi.testing.decider.DeciderSpec;

class ClueTest {

    private static final Clue DECIDER = new Clue();
    private final DeciderSpec<Clue.Command, ClueEvent, Clue.State> clue = DeciderSpec.of(DECIDER::initialState,
            DECIDER::decide, DECIDER::evolve);

    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate JUNE_20 = LocalDate.of(2026, 6, 20);
    private static final LocalDate SEPT_20 = LocalDate.of(2026, 9, 20);

    private static final Inspection INSPECTION = new Inspection();
    private static final Inspection.State PREPARING = INSPECTION.evolve(INSPECTION.initialState(),
            new InspectionOpened("i-1", "r-1", "p-1", "330000", RoundKind.REGULAR, "省委第一巡视组", "o-1", "杭州市委",
                    "330000", "330100", MARCH_2, LocalDate.of(2026, 5, 8)));
    private static final Inspection.State STATIONED = INSPECTION.evolve(PREPARING,
            new InspectionStationed("i-1", MARCH_2, List.of()));

    private static final ClueHandedOver HANDED_OVER = new ClueHandedOver("c-1", "i-1", "r-1", "省委第一巡视组", "330000",
            "o-1", ClueCategory.DISCIPLINE_VIOLATION, ClueReceiver.DISCIPLINE_ORGAN, "省纪委监委第三监督检查室",
            "反映某局局长违规插手工程项目", "某局局长", List.of("pt-1"), JUNE_20, SEPT_20);
    private static final ClueAcknowledged ACKNOWLEDGED = new ClueAcknowledged("c-1", "liaison", JUNE_20.plusDays(2));

    private static Clue.HandOver handOver(ClueCategory category, String unit, LocalDate on) {
        return new Clue.HandOver("c-1", STATIONED, category, unit, " 反映某局局长违规插手工程项目 ", " 某局局长 ",
                List.of("pt-1", " pt-1"), on, 3);
    }

    @Test
    void a_clue_goes_to_the_receiver_its_category_names_due_in_the_configured_months() {
        clue.when(handOver(ClueCategory.DISCIPLINE_VIOLATION, " 省纪委监委第三监督检查室 ", JUNE_20)).then(HANDED_OVER)
                .andState(s -> {
                    assertThat(s.status()).isEqualTo(ClueStatus.HANDED_OVER);
                    assertThat(s.overdue(SEPT_20)).isFalse();
                    assertThat(s.overdue(SEPT_20.plusDays(1))).isTrue();
                });
        assertThat(ClueCategory.LEADER_CONDUCT.receiver()).isEqualTo(ClueReceiver.DISCIPLINE_ORGAN);
        assertThat(ClueCategory.DEMOCRATIC_CENTRALISM.receiver()).isEqualTo(ClueReceiver.ORGANISATION_DEPARTMENT);
        assertThat(ClueCategory.CADRE_SELECTION.receiver()).isEqualTo(ClueReceiver.ORGANISATION_DEPARTMENT);
        assertThat(ClueCategory.OTHER.receiver()).isEqualTo(ClueReceiver.RELEVANT_UNIT);
        clue.when(handOver(ClueCategory.CADRE_SELECTION, null, JUNE_20)).then(new ClueHandedOver("c-1", "i-1", "r-1",
                "省委第一巡视组", "330000", "o-1", ClueCategory.CADRE_SELECTION, ClueReceiver.ORGANISATION_DEPARTMENT, null,
                "反映某局局长违规插手工程项目", "某局局长", List.of("pt-1"), JUNE_20, SEPT_20));
    }

    @Test
    void a_clue_for_a_relevant_unit_names_it_and_none_is_handed_over_before_the_stationing_or_twice() {
        clue.when(handOver(ClueCategory.OTHER, " ", JUNE_20)).thenInvalid(Clue.RECEIVER_UNIT_MISSING, "receiverUnit");
        clue.when(new Clue.HandOver("c-1", PREPARING, ClueCategory.OTHER, "市住建局", "x", null, List.of(), JUNE_20, 3))
                .thenRejected(Clue.INSPECTION_NOT_STATIONED);
        clue.when(handOver(ClueCategory.DISCIPLINE_VIOLATION, "x", MARCH_2.minusDays(1)))
                .thenInvalid(Clue.DATE_OUT_OF_ORDER, "handedOverOn");
        clue.given(HANDED_OVER).when(handOver(ClueCategory.DISCIPLINE_VIOLATION, "x", JUNE_20))
                .thenRejected(Clue.ALREADY_HANDED_OVER);
    }

    @Test
    void the_receiver_acknowledges_once_and_reports_its_disposition_once_late_after_the_due_date() {
        clue.given(HANDED_OVER).when(new Clue.Acknowledge("liaison", JUNE_20.plusDays(2))).then(ACKNOWLEDGED)
                .andState(s -> assertThat(s.status()).isEqualTo(ClueStatus.ACKNOWLEDGED));
        clue.given(HANDED_OVER, ACKNOWLEDGED).when(new Clue.Acknowledge("liaison", JUNE_20.plusDays(3)))
                .thenRejected(Clue.ALREADY_ACKNOWLEDGED);
        clue.given(HANDED_OVER).when(new Clue.Acknowledge("liaison", JUNE_20.minusDays(1)))
                .thenInvalid(Clue.DATE_OUT_OF_ORDER, "acknowledgedOn");
        ClueDisposed onTime = new ClueDisposed("c-1", ClueDisposition.PRELIMINARY_CHECK, "已启动初步核实", "liaison",
                SEPT_20, false);
        clue.given(HANDED_OVER, ACKNOWLEDGED).when(new Clue.Dispose(ClueDisposition.PRELIMINARY_CHECK, " 已启动初步核实 ",
                "liaison", SEPT_20)).then(onTime).andState(s -> {
                    assertThat(s.status()).isEqualTo(ClueStatus.DISPOSED);
                    assertThat(s.overdue(SEPT_20.plusYears(1))).isFalse();
                });
        clue.given(HANDED_OVER, ACKNOWLEDGED).when(new Clue.Dispose(ClueDisposition.CASE_OPENED, "立案",
                "liaison", SEPT_20.plusDays(1))).then(new ClueDisposed("c-1", ClueDisposition.CASE_OPENED, "立案",
                        "liaison", SEPT_20.plusDays(1), true));
        clue.given(HANDED_OVER, ACKNOWLEDGED, onTime).when(new Clue.Dispose(ClueDisposition.CASE_OPENED, "立案",
                "liaison", SEPT_20)).thenRejected(Clue.ALREADY_DISPOSED);
        clue.given(HANDED_OVER, ACKNOWLEDGED).when(new Clue.Dispose(ClueDisposition.NO_FURTHER_ACTION, "了结",
                "liaison", JUNE_20.plusDays(1))).thenInvalid(Clue.DATE_OUT_OF_ORDER, "disposedOn");
        clue.when(new Clue.Acknowledge("liaison", JUNE_20)).thenRejected(Clue.NOT_HANDED_OVER);
    }

    @Test
    void a_disposition_reported_without_an_acknowledgement_acknowledges_the_receipt_with_it() {
        clue.given(HANDED_OVER).when(new Clue.Dispose(ClueDisposition.TALK_OR_LETTER_INQUIRY, "函询", "liaison",
                JUNE_20.plusDays(30))).then(new ClueAcknowledged("c-1", "liaison", JUNE_20.plusDays(30)),
                        new ClueDisposed("c-1", ClueDisposition.TALK_OR_LETTER_INQUIRY, "函询", "liaison",
                                JUNE_20.plusDays(30), false));
    }

    private static Clue.ReceiverAcknowledges receipt(ClueReceiver receiver, String jurisdiction, LocalDate on) {
        return new Clue.ReceiverAcknowledges(receiver, jurisdiction, new Clue.Acknowledge("discipline-organ:jw", on));
    }

    private static Clue.ReceiverDisposes disposition(ClueReceiver receiver, String jurisdiction,
            ClueDisposition disposition, LocalDate on) {
        return new Clue.ReceiverDisposes(receiver, jurisdiction,
                new Clue.Dispose(disposition, "已启动初步核实", "discipline-organ:jw", on));
    }

    @Test
    void a_receiver_reporting_on_its_own_topic_acknowledges_and_disposes_of_the_clues_that_went_to_it() {
        clue.given(HANDED_OVER).when(receipt(ClueReceiver.DISCIPLINE_ORGAN, "330000", JUNE_20.plusDays(1)))
                .then(new ClueAcknowledged("c-1", "discipline-organ:jw", JUNE_20.plusDays(1)));
        // The organ above the clue's jurisdiction reports for it too: the Centre's for a province's clue.
        clue.given(HANDED_OVER).when(disposition(ClueReceiver.DISCIPLINE_ORGAN, "000000",
                ClueDisposition.PRELIMINARY_CHECK, SEPT_20.plusDays(1)))
                .then(new ClueAcknowledged("c-1", "discipline-organ:jw", SEPT_20.plusDays(1)),
                        new ClueDisposed("c-1", ClueDisposition.PRELIMINARY_CHECK, "已启动初步核实", "discipline-organ:jw",
                                SEPT_20.plusDays(1), true));
    }

    @Test
    void a_receiver_reports_only_on_clues_that_went_to_it_within_its_jurisdiction() {
        clue.given(HANDED_OVER).when(receipt(ClueReceiver.ORGANISATION_DEPARTMENT, "330000", JUNE_20.plusDays(1)))
                .thenRejected(Clue.NOT_THE_RECEIVERS);
        // A city's organ below the clue's province, and another province's organ, are outside it.
        clue.given(HANDED_OVER).when(receipt(ClueReceiver.DISCIPLINE_ORGAN, "330100", JUNE_20.plusDays(1)))
                .thenRejected(Clue.OUTSIDE_REPORTERS_JURISDICTION);
        clue.given(HANDED_OVER).when(disposition(ClueReceiver.DISCIPLINE_ORGAN, "440000",
                ClueDisposition.CASE_OPENED, JUNE_20.plusDays(9))).thenRejected(Clue.OUTSIDE_REPORTERS_JURISDICTION);
        clue.when(receipt(ClueReceiver.DISCIPLINE_ORGAN, "330000", JUNE_20)).thenRejected(Clue.NOT_HANDED_OVER);
        clue.given(HANDED_OVER).when(receipt(ClueReceiver.DISCIPLINE_ORGAN, "330000", JUNE_20.minusDays(1)))
                .thenInvalid(Clue.DATE_OUT_OF_ORDER, "acknowledgedOn");
    }

    @Test
    void a_report_sent_again_has_no_second_effect_but_a_different_second_disposition_is_refused() {
        ClueDisposed disposed = new ClueDisposed("c-1", ClueDisposition.PRELIMINARY_CHECK, "已启动初步核实",
                "discipline-organ:jw", JUNE_20.plusDays(9), false);
        clue.given(HANDED_OVER, ACKNOWLEDGED)
                .when(receipt(ClueReceiver.DISCIPLINE_ORGAN, "330000", JUNE_20.plusDays(5)))
                .thenNothing();
        clue.given(HANDED_OVER, ACKNOWLEDGED, disposed)
                .when(receipt(ClueReceiver.DISCIPLINE_ORGAN, "330000", JUNE_20.plusDays(5))).thenNothing();
        clue.given(HANDED_OVER, ACKNOWLEDGED, disposed).when(disposition(ClueReceiver.DISCIPLINE_ORGAN, "330000",
                ClueDisposition.PRELIMINARY_CHECK, JUNE_20.plusDays(9))).thenNothing();
        clue.given(HANDED_OVER, ACKNOWLEDGED, disposed).when(disposition(ClueReceiver.DISCIPLINE_ORGAN, "330000",
                ClueDisposition.CASE_OPENED, JUNE_20.plusDays(9))).thenRejected(Clue.ALREADY_DISPOSED);
        // A repeated report still has to be the receiver's: it tells nothing about another's clue.
        clue.given(HANDED_OVER, ACKNOWLEDGED).when(receipt(ClueReceiver.ORGANISATION_DEPARTMENT, "330000",
                JUNE_20.plusDays(5))).thenRejected(Clue.NOT_THE_RECEIVERS);
    }
}
