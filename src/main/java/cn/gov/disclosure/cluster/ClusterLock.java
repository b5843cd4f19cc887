package cn.gov.disclosure.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Start-up steps that several nodes would otherwise run at the same moment on one database (check, then
 * insert) run one node at a time: a node locks a row of {@code app_lock} with {@code SELECT ... FOR UPDATE}
 * (H2 and PostgreSQL alike) and the other nodes wait for its commit. A node that dies loses its connection,
 * and the database frees the row.
 */
@Component
@DependsOnDatabaseInitialization
public class ClusterLock {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public ClusterLock(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Runs {@code work} in one transaction that holds the named lock; everything it writes on this thread
     * (the engine's services too: they join the Spring transaction) commits with the lock's release.
     */
    public <T> T callExclusively(String name, Supplier<T> work) {
        return tx.execute(status -> {
            lockRow(name);
            return work.get();
        });
    }

    public void runExclusively(String name, Runnable work) {
        callExclusively(name, () -> {
            work.run();
            return null;
        });
    }

    private void lockRow(String name) {
        String locked = jdbc.query("SELECT name FROM app_lock WHERE name = ? FOR UPDATE",
                rs -> rs.next() ? rs.getString(1) : null, name);
        if (locked == null) {
            throw new IllegalStateException("No app_lock row named " + name + " (database migrations missing?)");
        }
    }

    /**
     * Takes the named lock on a connection of its own and keeps it until {@link Held#close()}: for a step
     * whose work runs on other connections or spans several beans (building the engine and its schema).
     */
    public Held hold(String name) {
        try {
            Connection c = dataSource.getConnection();
            try {
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("SELECT name FROM app_lock WHERE name = ? FOR UPDATE")) {
                    s.setString(1, name);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("No app_lock row named " + name);
                        }
                    }
                }
                return new Held(c);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the cluster lock " + name, e);
        }
    }

    /** A lock held on its own connection; closing ends the transaction and frees the row. */
    public static final class Held implements AutoCloseable {

        private Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public synchronized void close() {
            if (connection == null) {
                return;
            }
            try (Connection c = connection) {
                connection = null;
                c.rollback();
                c.setAutoCommit(true);
            } catch (SQLException e) {
                // The pool discards a broken connection, and the database frees its locks with it.
            }
        }
    }
}
