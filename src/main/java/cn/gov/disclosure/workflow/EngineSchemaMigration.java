package cn.gov.disclosure.workflow;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates Camunda's tables as one Flyway migration, from the create scripts inside the engine jar, so the
 * engine never creates or alters tables itself ({@code camunda.bpm.database.schema-update: false}).
 * Flyway runs its migrations under a database lock (an advisory lock on PostgreSQL), and on PostgreSQL
 * the whole migration is one transaction: nodes starting together on an empty database cannot race to
 * create the schema, and a start that dies half-way leaves nothing behind.
 * <p>
 * A database whose Camunda tables were made earlier by the engine ({@code schema-update: true}, before
 * this migration existed) is recorded as migrated without running the scripts. A Camunda upgrade adds a
 * later migration that runs the engine jar's {@code db/upgrade} scripts.
 */
@Component
public class EngineSchemaMigration implements JavaMigration {

    /** After the case-file migrations V1–V5 that existed when the engine still made its own tables. */
    static final MigrationVersion VERSION = MigrationVersion.fromVersion("5.1");

    /** In the order the engine itself creates them (DbSqlSession.dbSchemaCreate). */
    static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");

    private static final String SCRIPT = "org/camunda/bpm/engine/db/create/activiti.%s.create.%s.sql";

    @Override
    public MigrationVersion getVersion() {
        return VERSION;
    }

    @Override
    public String getDescription() {
        return "camunda engine schema";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (engineTablesPresent(connection)) {
            return;
        }
        String type = camundaDatabaseType(connection.getMetaData().getDatabaseProductName());
        for (String component : COMPONENTS) {
            ClassPathResource script = new ClassPathResource(String.format(SCRIPT, type, component));
            if (!script.exists()) {
                throw new IllegalStateException("Camunda create script missing from the classpath: " + script.getPath());
            }
            ScriptUtils.executeSqlScript(connection, new EncodedResource(script, "UTF-8"));
        }
    }

    /** Camunda's name for the database, as in its script names; only the two this project supports. */
    static String camundaDatabaseType(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        if (p.equals("h2")) {
            return "h2";
        }
        if (p.equals("postgresql")) {
            return "postgres";
        }
        throw new IllegalStateException("Unsupported database '" + productName + "': use H2 or PostgreSQL");
    }

    private static boolean engineTablesPresent(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String table = meta.storesLowerCaseIdentifiers() ? "act_ge_property" : "ACT_GE_PROPERTY";
        try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), table,
                new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
