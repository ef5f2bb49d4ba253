package io.xunshi.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void a_row_committed_before_a_stop_is_still_there_after_the_next_start() throws Exception {
        int port = freePort();
        Path data = dir.resolve("data");
        try (PostgresServer server = PostgresServer.start(data, port, dir.resolve("pg.log"), false,
                "superuser-secret")) {
            server.createDatabase("xunshi", "xunshi", "secret");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("xunshi"), "xunshi", "secret");
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('written before the stop')");
            }
        }
        assertThat(data.resolve("PG_VERSION")).exists();

        try (PostgresServer again = PostgresServer.start(data, port, dir.resolve("pg.log"), false,
                "superuser-secret")) {
            again.createDatabase("xunshi", "xunshi", "secret");
            try (Connection c = DriverManager.getConnection(again.jdbcUrl("xunshi"), "xunshi", "secret");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("written before the stop");
            }
        }
    }

    @Test
    void every_login_needs_its_password_the_superusers_too() throws Exception {
        try (PostgresServer server = PostgresServer.startTemporary(freePort())) {
            server.createDatabase("xunshi", "xunshi", "secret");
            for (String[] login : new String[][]{ { PostgresServer.SUPERUSER, "" },
                    { PostgresServer.SUPERUSER, "postgres" },
                    { "xunshi", "" }, { "xunshi", "wrong" } }) {
                assertThatThrownBy(
                        () -> DriverManager.getConnection(server.jdbcUrl("xunshi"), login[0], login[1]).close())
                        .as("%s with password '%s'", login[0], login[1]).isInstanceOf(java.sql.SQLException.class)
                        .hasMessageMatching(
                                "(?s).*(password authentication failed|requested SCRAM-based authentication).*");
            }
        }
    }

    @Test
    void a_temporary_server_deletes_its_data_directory_when_closed() throws Exception {
        PostgresServer server = PostgresServer.startTemporary(freePort());
        Path data = server.dataDirectory();
        server.createDatabase("scratch", "scratch", "scratch-secret");
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("scratch"), "scratch", "scratch-secret");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
        server.close();
        assertThat(Files.exists(data)).isFalse();
        assertThat(server.isRunning()).isFalse();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
