package io.xunshi.kernel.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.xunshi.kernel.domain.DomainRejection;

/** Given events, when a command, then events or a rejection: no framework, no database. */
class LedgerDeciderTest {

    private final Ledger ledger = new Ledger();

    @Test
    void an_open_ledger_records_an_amount() {
        Ledger.State state = ledger.fold(List.of(new Ledger.Opened(), new Ledger.Added(5)));

        assertThat(ledger.decide(new Ledger.Add(7), state)).containsExactly(new Ledger.Added(7));
    }

    @Test
    void closing_records_the_total_of_everything_added() {
        Ledger.State state = ledger.fold(List.of(new Ledger.Opened(), new Ledger.Added(5), new Ledger.Added(7)));

        assertThat(ledger.decide(new Ledger.Close(), state)).containsExactly(new Ledger.Closed(12));
    }

    @Test
    void a_closed_ledger_rejects_amounts() {
        Ledger.State state = ledger.fold(List.of(new Ledger.Opened(), new Ledger.Closed(0)));

        assertThatThrownBy(() -> ledger.decide(new Ledger.Add(1), state))
                .isInstanceOf(DomainRejection.class)
                .extracting(e -> ((DomainRejection) e).code()).isEqualTo("ledger-not-open");
    }

    @Test
    void opening_twice_decides_nothing() {
        assertThat(ledger.decide(new Ledger.Open(), ledger.fold(List.of(new Ledger.Opened())))).isEmpty();
    }
}
