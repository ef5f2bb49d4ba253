package io.xunshi.kernel.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

class TransientFailuresTest {

    @Test
    void an_unreachable_or_vanished_database_is_transient_wherever_it_sits_in_the_cause_chain() {
        assertThat(TransientFailures.isTransient(new ConnectException("Connection refused"))).isTrue();
        assertThat(TransientFailures.isTransient(
                new CompletionException(new RuntimeException("wrapped", new ConnectException("refused"))))).isTrue();
        assertThat(TransientFailures.isTransient(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("Pool closed"))).isTrue();
        assertThat(TransientFailures.isTransient(new java.util.concurrent.TimeoutException())).isTrue();
    }

    @Test
    void postgres_errors_are_transient_only_for_connection_resource_shutdown_and_concurrency_states() {
        assertThat(TransientFailures.isTransient(pg("08006"))).as("connection failure").isTrue();
        assertThat(TransientFailures.isTransient(pg("57P01"))).as("admin shutdown").isTrue();
        assertThat(TransientFailures.isTransient(pg("53300"))).as("too many connections").isTrue();
        assertThat(TransientFailures.isTransient(pg("40001"))).as("serialization failure").isTrue();
        assertThat(TransientFailures.isTransient(pg("40P01"))).as("deadlock").isTrue();
        assertThat(TransientFailures.isTransient(pg("23505"))).as("unique violation").isFalse();
        assertThat(TransientFailures.isTransient(pg("22021"))).as("bad encoding").isFalse();
        assertThat(TransientFailures.isTransient(pg("42P01"))).as("undefined table").isFalse();
    }

    @Test
    void a_failure_of_the_record_or_of_the_code_is_not_transient() {
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("lacks planId"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("inspection is closed"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailures.isTransient(new Undeliverable(DeadLetterReason.INVALID_PAYLOAD, "bad",
                new ConnectException("irrelevant")))).as("the record's own verdict wins").isFalse();
    }

    private static PgException pg(String state) {
        return new PgException("failure " + state, "ERROR", state, null);
    }
}
