package io.xunshi.inspection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.SealedValue;
import io.xunshi.contracts.inspection.Informant;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.contracts.inspection.InspectionStationed;
import io.xunshi.contracts.inspection.PetitionChannel;
import io.xunshi.contracts.inspection.PetitionClassified;
import io.xunshi.contracts.inspection.PetitionEvent;
import io.xunshi.contracts.inspection.PetitionReceived;
import io.xunshi.contracts.inspection.PetitionScope;
import io.xunshi.contracts.inspection.PetitionTransferred;
import io.xunshi.contracts.inspection.ReporterErased;
import io.xunshi.contracts.inspection.ReporterIdentityRead;
import io.xunshi.contracts.inspection.TransferAnswered;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.inspection.domain.Petition.PetitionStatus;
import io.xunshi.testing.decider.DeciderSpec;

class PetitionTest {

    private static final Petition DECIDER = new Petition();
    private final DeciderSpec<Petition.Command, PetitionEvent, Petition.State> petition = DeciderSpec
            .of(DECIDER::initialState, DECIDER::decide, DECIDER::evolve);

    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);
    private static final Instant AT = Instant.parse("2026-03-15T02:30:00Z");

    private static final Inspection INSPECTION = new Inspection();
    private static final InspectionOpened OPENED = new InspectionOpened("i-1", "r-1", "p-1", "330000",
            RoundKind.REGULAR, "省委第一巡视组", "o-1", "杭州市委", "330000", "330100", MARCH_2, LocalDate.of(2026, 5, 8));
    private static final Inspection.State PREPARING = INSPECTION.evolve(INSPECTION.initialState(), OPENED);
    private static final Inspection.State STATIONED = INSPECTION.evolve(PREPARING,
            new InspectionStationed("i-1", MARCH_2, List.of()));

    /** A reporter as the application layer hands it to the decider: already sealed under its own subject. */
    private static final Informant REPORTER = new Informant(
            new SealedValue("A256GCM", "reporter-1", "AAAAAAAAAAAAAAAA", "c2VhbGVkIG5hbWUgYW5kIGl0cyB0YWc="),
            new SealedValue("A256GCM", "reporter-1", "BBBBBBBBBBBBBBBB", "c2VhbGVkIGNvbnRhY3QgYW5kIGl0cyB0YWc="));

    private static final PetitionReceived RECEIVED = new PetitionReceived("pt-1", "i-1", "r-1", "省委第一巡视组",
            "330000", "o-1", PetitionChannel.LETTER, MARCH_10, "反映违规插手工程项目", "某局局长", REPORTER);
    private static final PetitionReceived ANONYMOUS = new PetitionReceived("pt-1", "i-1", "r-1", "省委第一巡视组",
            "330000", "o-1", PetitionChannel.PHONE, MARCH_10, "反映问题", null, null);
    private static final PetitionClassified OUT = new PetitionClassified("pt-1", PetitionScope.OUT_OF_SCOPE,
            "leader", MARCH_10);
    private static final PetitionTransferred TRANSFERRED = new PetitionTransferred("pt-1", "市信访局", MARCH_10,
            MARCH_10.plusDays(30));

    private static Petition.Receive receive(Inspection.State inspection, LocalDate on, Informant reporter) {
        return new Petition.Receive("pt-1", inspection, PetitionChannel.LETTER, on, " 反映违规插手工程项目 ", " 某局局长 ",
                reporter);
    }

    @Test
    void a_petition_is_received_while_the_team_is_stationed_with_the_reporter_sealed_as_given() {
        petition.when(receive(STATIONED, MARCH_10, REPORTER)).then(RECEIVED).andState(s -> {
            assertThat(s.status()).isEqualTo(PetitionStatus.RECEIVED);
            assertThat(s.reporterSubject()).isEqualTo("reporter-1");
            assertThat(s.jurisdiction()).isEqualTo("330000");
        });
        petition.when(new Petition.Receive("pt-1", STATIONED, PetitionChannel.PHONE, MARCH_10, "反映问题", " ", null))
                .then(ANONYMOUS).andState(s -> assertThat(s.reporterSubject()).isNull());
    }

    @Test
    void a_petition_is_received_only_during_the_stationing_and_once() {
        petition.when(receive(PREPARING, MARCH_10, null)).thenRejected(Petition.INSPECTION_NOT_STATIONED);
        petition.when(receive(STATIONED, MARCH_2.minusDays(1), null)).thenInvalid(Petition.DATE_OUT_OF_ORDER,
                "receivedOn");
        petition.given(RECEIVED).when(receive(STATIONED, MARCH_10, null)).thenRejected(Petition.ALREADY_RECEIVED);
    }

    @Test
    void in_scope_a_petition_becomes_material_and_out_of_scope_it_awaits_transfer_classified_once() {
        petition.given(RECEIVED).when(new Petition.Classify(PetitionScope.KEY_POST_OFFICIAL, "leader", MARCH_10))
                .then(new PetitionClassified("pt-1", PetitionScope.KEY_POST_OFFICIAL, "leader", MARCH_10))
                .andState(s -> assertThat(s.status()).isEqualTo(PetitionStatus.IN_SCOPE));
        petition.given(RECEIVED).when(new Petition.Classify(PetitionScope.OUT_OF_SCOPE, "leader", MARCH_10)).then(OUT)
                .andState(s -> assertThat(s.status()).isEqualTo(PetitionStatus.OUT_OF_SCOPE));
        petition.given(RECEIVED, OUT).when(new Petition.Classify(PetitionScope.LEADERSHIP_TEAM, "leader", MARCH_10))
                .thenRejected(Petition.ALREADY_CLASSIFIED);
        petition.given(RECEIVED).when(new Petition.Classify(PetitionScope.LEADERSHIP_TEAM, "leader", MARCH_2))
                .thenInvalid(Petition.DATE_OUT_OF_ORDER, "classifiedOn");
        petition.when(new Petition.Classify(PetitionScope.LEADERSHIP_TEAM, "leader", MARCH_10))
                .thenRejected(Petition.NOT_RECEIVED);
    }

    @Test
    void only_a_petition_out_of_scope_is_transferred_with_its_answer_due_and_answered_once() {
        petition.given(RECEIVED, OUT).when(new Petition.Transfer(" 市信访局 ", MARCH_10, 30)).then(TRANSFERRED)
                .andState(s -> {
                    assertThat(s.answerOverdue(MARCH_10.plusDays(30))).isFalse();
                    assertThat(s.answerOverdue(MARCH_10.plusDays(31))).isTrue();
                });
        petition.given(RECEIVED, new PetitionClassified("pt-1", PetitionScope.LEADERSHIP_TEAM, "leader", MARCH_10))
                .when(new Petition.Transfer("市信访局", MARCH_10, 30)).thenRejected(Petition.NOT_OUT_OF_SCOPE);
        petition.given(RECEIVED, OUT, TRANSFERRED).when(new Petition.Transfer("市信访局", MARCH_10, 30))
                .thenRejected(Petition.NOT_OUT_OF_SCOPE);
        petition.given(RECEIVED, OUT, TRANSFERRED).when(new Petition.RecordAnswer(" 已解决 ", MARCH_10.plusDays(31)))
                .then(new TransferAnswered("pt-1", "已解决", MARCH_10.plusDays(31), true))
                .andState(s -> assertThat(s.status()).isEqualTo(PetitionStatus.ANSWERED));
        petition.given(RECEIVED, OUT, TRANSFERRED).when(new Petition.RecordAnswer("已解决", MARCH_10.plusDays(5)))
                .then(new TransferAnswered("pt-1", "已解决", MARCH_10.plusDays(5), false));
        petition.given(RECEIVED, OUT).when(new Petition.RecordAnswer("已解决", MARCH_10))
                .thenRejected(Petition.NOT_TRANSFERRED);
        petition.given(RECEIVED, OUT, TRANSFERRED).when(new Petition.RecordAnswer("已解决", MARCH_2))
                .thenInvalid(Petition.DATE_OUT_OF_ORDER, "answeredOn");
    }

    @Test
    void every_opening_of_the_identity_is_recorded_and_none_after_the_erasure_or_without_a_reporter() {
        ReporterIdentityRead read = new ReporterIdentityRead("pt-1", "reporter-1", "reader", "核实身份", AT);
        petition.given(RECEIVED).when(new Petition.OpenIdentity("reader", " 核实身份 ", AT)).then(read);
        petition.given(RECEIVED, read, read).when(new Petition.OpenIdentity("reader", "再次核实", AT))
                .then(new ReporterIdentityRead("pt-1", "reporter-1", "reader", "再次核实", AT))
                .andState(s -> assertThat(s.identityReads()).hasSize(3));
        petition.given(ANONYMOUS).when(new Petition.OpenIdentity("reader", "x", AT)).thenRejected(Petition.ANONYMOUS);
        ReporterErased erased = new ReporterErased("pt-1", "reporter-1", "office", "本人申请", AT);
        petition.given(RECEIVED).when(new Petition.EraseReporter("office", " 本人申请 ", AT)).then(erased)
                .andState(s -> assertThat(s.reporterErased()).isTrue());
        petition.given(RECEIVED, erased).when(new Petition.OpenIdentity("reader", "x", AT))
                .thenRejected(Petition.REPORTER_ERASED);
        petition.given(RECEIVED, erased).when(new Petition.EraseReporter("office", "x", AT))
                .thenRejected(Petition.REPORTER_ERASED);
        petition.given(ANONYMOUS).when(new Petition.EraseReporter("office", "x", AT)).thenRejected(Petition.ANONYMOUS);
    }
}
