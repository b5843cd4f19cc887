package cn.gov.disclosure.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.gov.disclosure.support.EmbeddedPostgresSupport;
import cn.gov.disclosure.support.OnPostgres;

/** Camunda's tables come from one Flyway migration: complete, once, and never twice. */
class EngineSchemaMigrationTest {

    /** One table of each script the engine would have run (engine, history, identity, CMMN, DMN). */
    static final String[] TABLES = {"ACT_GE_PROPERTY", "ACT_RU_TASK", "ACT_HI_PROCINST", "ACT_ID_USER",
            "ACT_RE_CASE_DEF", "ACT_HI_CASEINST", "ACT_RE_DECISION_DEF", "ACT_HI_DECINST"};

    static Flyway flyway(String url, String user) {
        // As the application configures it (application.yml): the case-file scripts and the engine migration.
        return Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration")
                .javaMigrations(new EngineSchemaMigration()).load();
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anEmptyDatabaseGetsEveryEngineTable() throws Exception {
        String url = "jdbc:h2:mem:engine-schema-fresh;DB_CLOSE_DELAY=-1";
        flyway(url, "sa").migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            for (String table : TABLES) {
                assertThat(count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '" + table + "'"))
                        .as(table).isEqualTo(1);
            }
            assertThat(count(c, "SELECT COUNT(*) FROM ACT_GE_SCHEMA_LOG WHERE VERSION_ = '7.24.0'")).isEqualTo(1);
        }
        assertThat(flyway(url, "sa").migrate().migrationsExecuted).isZero();
    }

    /** V58: a job made before every job had a due date becomes due at once; a timer keeps its date. */
    @Test
    void jobsMadeWithoutADueDateBecomeDueOnUpgrade() throws Exception {
        String url = "jdbc:h2:mem:engine-schema-jobs;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .javaMigrations(new EngineSchemaMigration()).target("57").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, RETRIES_, DUEDATE_) VALUES "
                    + "('waiting-send', 1, 'message', TRUE, 3, NULL), "
                    + "('reminder', 1, 'timer', TRUE, 3, TIMESTAMP '2030-01-01 09:00:00')");
        }
        flyway(url, "sa").migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(count(c, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ = 'waiting-send' "
                    + "AND DUEDATE_ < LOCALTIMESTAMP")).isEqualTo(1);
            assertThat(count(c, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ = 'reminder' "
                    + "AND DUEDATE_ = TIMESTAMP '2030-01-01 09:00:00'")).isEqualTo(1);
        }
    }

    @Test
    void aDatabaseWhoseEngineMadeItsOwnTablesIsOnlyRecorded() throws Exception {
        // Before this migration: Flyway at version 5 and the engine's tables made by schema-update.
        String url = "jdbc:h2:mem:engine-schema-legacy;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("5").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ACT_GE_PROPERTY (NAME_ VARCHAR(64) PRIMARY KEY, VALUE_ VARCHAR(300), REV_ INT)");
            s.execute("INSERT INTO ACT_GE_PROPERTY VALUES ('schema.version', 'fox', 1)");
        }
        // Up to 5.1 only: the stand-in engine schema has just its property table, and later migrations (V46)
        // index engine tables that a real legacy database has.
        MigrateResult result = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .javaMigrations(new EngineSchemaMigration()).target("5.1").load().migrate();
        assertThat(result.migrations).anyMatch(m -> "5.1".equals(m.version));
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(count(c, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '5.1' AND \"success\""))
                    .isEqualTo(1);
            assertThat(count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'ACT_RU_TASK'"))
                    .isZero();
        }
    }

    @Test
    void onlyH2AndPostgresqlAreKnown() {
        assertThat(EngineSchemaMigration.camundaDatabaseType("PostgreSQL")).isEqualTo("postgres");
        assertThat(EngineSchemaMigration.camundaDatabaseType("H2")).isEqualTo("h2");
        assertThatThrownBy(() -> EngineSchemaMigration.camundaDatabaseType("MySQL"))
                .hasMessageContaining("MySQL").hasMessageContaining("PostgreSQL");
    }

    @Test
    @Tag(OnPostgres.TAG)
    void twoNodesMigratingAnEmptyPostgresqlAtOnceCreateTheSchemaOnce() throws Exception {
        String url = EmbeddedPostgresSupport.freshDatabase("engine_schema");
        CompletableFuture<MigrateResult> a = CompletableFuture.supplyAsync(() -> flyway(url, "postgres").migrate());
        CompletableFuture<MigrateResult> b = CompletableFuture.supplyAsync(() -> flyway(url, "postgres").migrate());
        // Flyway's lock: one node runs every migration, the other finds them done.
        int executed = a.get().migrationsExecuted + b.get().migrationsExecuted;
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(executed).isEqualTo(count(c, "SELECT COUNT(*) FROM flyway_schema_history WHERE success"))
                    .isGreaterThanOrEqualTo(6);
            for (String table : TABLES) {
                assertThat(count(c, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '"
                        + table.toLowerCase() + "'")).as(table).isEqualTo(1);
            }
            assertThat(count(c, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '5.1' AND success"))
                    .isEqualTo(1);
        }
    }
}
