package cn.gov.disclosure.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** The crash test on the shipped default: H2 in {@code ./data} of the working directory, URL as configured. */
class H2CrashIT extends CrashTest {

    @Override
    String database() {
        return "H2";
    }

    @Override
    List<String> databaseArgs(Path workDir) {
        return List.of();
    }

    @Override
    Connection connect(Path workDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + workDir.resolve("data/disclosure") + ";IFEXISTS=TRUE",
                "sa", "");
    }
}
