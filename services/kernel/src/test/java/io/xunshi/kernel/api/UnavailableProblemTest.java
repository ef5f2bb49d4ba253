package io.xunshi.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class UnavailableProblemTest {

    @Test
    void an_unreachable_database_answers_503_with_retry_after_and_a_bug_answers_500() {
        Response unavailable = new ProblemMappers().unexpected(
                new RuntimeException("append failed", new ConnectException("Connection refused")), null);
        assertThat(unavailable.getStatus()).isEqualTo(503);
        assertThat(unavailable.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(((Problem) unavailable.getEntity()).type()).isEqualTo(ProblemType.UNAVAILABLE.uri());

        Response bug = new ProblemMappers().unexpected(new NullPointerException(), null);
        assertThat(bug.getStatus()).isEqualTo(500);
        assertThat(((Problem) bug.getEntity()).type()).isEqualTo(ProblemType.INTERNAL_ERROR.uri());
    }
}
