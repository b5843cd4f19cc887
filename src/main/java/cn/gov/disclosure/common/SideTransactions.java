package cn.gov.disclosure.common;

import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Short transactions that commit on their own while the calling thread's transaction is still open (a 文号 is
 * reserved, and committed, before the notice that prints it is stored).
 * <p>
 * They run on a small connection pool of their own. Taken from the main pool, such a transaction needs a second
 * connection while its caller holds one: with as many callers as the pool has connections (ten staff issuing
 * notices at once, or the job executor's threads plus a few requests) every connection is held by a caller
 * waiting for another, and all of them fail after the pool's timeout. A side transaction never waits for
 * anything but its own few statements, so this pool always drains.
 */
@Component
public class SideTransactions implements DisposableBean {

    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public SideTransactions(DataSource main, DataSourceProperties properties,
                            @Value("${disclosure.datasource.side-pool-size:4}") int size) {
        this.pool = new HikariDataSource();
        // The main pool's own settings where it is Hikari (always, unless a deployment supplies its own DataSource).
        if (main instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            pool.setJdbcUrl(hikari.getJdbcUrl());
            pool.setUsername(hikari.getUsername());
            pool.setPassword(hikari.getPassword());
            if (hikari.getDriverClassName() != null) {
                pool.setDriverClassName(hikari.getDriverClassName());
            }
        } else {
            pool.setJdbcUrl(properties.determineUrl());
            pool.setUsername(properties.determineUsername());
            pool.setPassword(properties.determinePassword());
        }
        pool.setPoolName("side-transactions");
        pool.setMaximumPoolSize(Math.max(1, size));
        // Idle most of the time: no connections kept open for nothing.
        pool.setMinimumIdle(0);
        this.jdbc = JdbcClient.create(pool);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
    }

    /** Runs {@code work} in a transaction of its own on the side pool and commits it before returning. */
    public <T> T execute(Function<JdbcClient, T> work) {
        return transaction.execute(status -> work.apply(jdbc));
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
