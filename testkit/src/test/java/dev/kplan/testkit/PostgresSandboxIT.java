package dev.kplan.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox's PostgreSQL holds kplan's state store: tables and advisory locks work across connections. */
@KplanSandbox(SandboxService.POSTGRES)
class PostgresSandboxIT {

    @Test
    void createsATableAndReadsItBack(Sandbox sandbox) throws SQLException {
        try (Connection c = sandbox.openPostgresConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS kplan_it_versions");
            s.execute("CREATE TABLE kplan_it_versions (serial bigint PRIMARY KEY, lineage text NOT NULL)");
            s.execute("INSERT INTO kplan_it_versions VALUES (1, 'abc')");
            try (ResultSet rs = s.executeQuery("SELECT lineage FROM kplan_it_versions WHERE serial = 1")) {
                assertTrue(rs.next());
                assertEquals("abc", rs.getString(1));
            }
            s.execute("DROP TABLE kplan_it_versions");
        }
    }

    @Test
    void advisoryLockIsHeldByOneConnectionAtATime(Sandbox sandbox) throws SQLException {
        long key = 4_242_4242L;
        try (Connection first = sandbox.openPostgresConnection(); Connection second = sandbox.openPostgresConnection()) {
            assertTrue(query(first, "SELECT pg_try_advisory_lock(" + key + ")"), "the first connection takes the lock");
            assertFalse(query(second, "SELECT pg_try_advisory_lock(" + key + ")"), "the second connection is refused");

            assertTrue(query(first, "SELECT pg_advisory_unlock(" + key + ")"), "the first connection releases it");
            assertTrue(query(second, "SELECT pg_try_advisory_lock(" + key + ")"), "now the second one gets it");
            assertTrue(query(second, "SELECT pg_advisory_unlock(" + key + ")"));
        }
    }

    private static boolean query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getBoolean(1);
        }
    }
}
