package cn.gov.disclosure.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import cn.gov.disclosure.support.EmbeddedPostgresSupport;

/** The crash test on PostgreSQL: the application process is killed, the database server keeps running. */
class PostgresCrashIT extends CrashTest {

    private String url;

    @Override
    String database() {
        return "PostgreSQL";
    }

    @Override
    List<String> databaseArgs(Path workDir) {
        if (url == null) {
            url = EmbeddedPostgresSupport.freshDatabase("crash");
            String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
            // As in production: a commit is acknowledged once it is on disk (the library turns this off).
            EmbeddedPostgresSupport.execute("ALTER DATABASE " + name + " SET synchronous_commit = on");
        }
        return EmbeddedPostgresSupport.commandLineArgs(url);
    }

    @Override
    Connection connect(Path workDir) throws SQLException {
        return DriverManager.getConnection(url);
    }
}
