package io.xunshi.postgres;

import static org.assertj.core.api.Assertions.assertThat;

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
        try (PostgresServer server = PostgresServer.start(data, port, dir.resolve("pg.log"), false)) {
            server.createDatabase("xunshi", "xunshi", "secret");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("xunshi"), "xunshi", "secret");
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('written before the stop')");
            }
        }
        assertThat(data.resolve("PG_VERSION")).exists();

        try (PostgresServer again = PostgresServer.start(data, port, dir.resolve("pg.log"), false)) {
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
    void a_temporary_server_deletes_its_data_directory_when_closed() throws Exception {
        PostgresServer server = PostgresServer.startTemporary(freePort());
        Path data = server.dataDirectory();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.SUPERUSER, "");
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
