package cn.gov.disclosure.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL tests run once per PostgreSQL release the build names (pom.xml: surefire executions
 * "postgres" and "postgres-newest"), each telling its JVM which major release it means ({@code test.pg.major}).
 * This checks that the server really is that release, so a run "on PostgreSQL 17" cannot quietly be one on
 * the library's default.
 */
@Tag(OnPostgres.TAG)
class PostgresServerVersionTest {

    @Test
    void theServerIsTheReleaseThisRunIsFor() throws Exception {
        String expected = System.getProperty("test.pg.major", "");
        try (Connection c = EmbeddedPostgresSupport.server().getPostgresDatabase().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            int major = rs.getInt(1) / 10_000;
            System.out.println("PostgreSQL tests on server release " + major);
            assertThat(expected).as("test.pg.major: set by the surefire execution").isNotBlank();
            assertThat(major).isEqualTo(Integer.parseInt(expected));
        }
    }
}
