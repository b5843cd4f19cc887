package cn.gov.disclosure.casefile;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers, sequential per year without gaps, from a configurable pattern such as {@code GK-{year}-{seq:5}}.
 *
 * <p>A number is first <em>reserved</em>: the year's counter row is incremented and a reservation row written in a
 * short transaction of its own, so the counter's row lock is held for a millisecond or two, not across the whole
 * registration (engine start, PDF) as before. The registering transaction <em>consumes</em> the reservation (deletes
 * its row) together with storing the case. A registration that fails {@linkplain #release releases} its number, and
 * a reservation whose process died is taken over once it is older than {@code disclosure.case-number.reservation-lease}:
 * the next registration gets that number, so the year's numbers stay without gaps (though a number reused this way
 * is not in the order of receipt). A reservation taken over while its old holder still runs is detected when the
 * holder consumes it (the token changed), and the holder's registration fails instead of a number being used twice.
 */
@Component
public class CaseNumberGenerator {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CaseNumberGenerator.class);

    private static final Pattern SEQ = Pattern.compile("\\{seq(?::(\\d+))?}");

    /** A number set aside for one registration; {@code token} proves it is still this registration's. */
    public record Reservation(int year, int seq, String token, String caseNo) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;
    private final String pattern;
    private final Duration lease;
    /** Years whose counter row exists (rows are never deleted). */
    private final java.util.Set<Integer> knownYears = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public CaseNumberGenerator(JdbcClient jdbc, PlatformTransactionManager txManager,
                               @Value("${disclosure.case-number.pattern:GK-{year}-{seq:5}}") String pattern,
                               @Value("${disclosure.case-number.reservation-lease:PT10M}") Duration lease) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(txManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        if (!SEQ.matcher(pattern).find()) {
            throw new IllegalArgumentException("disclosure.case-number.pattern must contain {seq} or {seq:N}");
        }
        this.pattern = pattern;
        this.lease = lease;
    }

    /**
     * Reserves the next number of {@code year}. Called outside a transaction (the API), it commits at once in a
     * transaction of its own, before the caller opens the registering one: a request never holds one pooled
     * connection while waiting for another. Called inside one (a Tasklist start form, registered inside the
     * engine's transaction), it uses that transaction, whose counter lock is then held until it commits — short,
     * since the acknowledgment is no longer rendered there — and a rollback returns the number by itself.
     */
    public Reservation reserve(int year) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return reserveNow(year);
        }
        // The year's counter row first, holding nothing: creating it inside the reserving transaction would need a
        // second connection, and a burst on a new year (or a new database) then had every pooled connection
        // waiting for another one until the pool's timeout.
        ensureYear(year);
        return separateTransaction.execute(s -> reserveNow(year));
    }

    private void ensureYear(int year) {
        if (knownYears.contains(year)) {
            return;
        }
        if (jdbc.sql("SELECT count(*) FROM case_number_sequence WHERE case_year = ?").param(year)
                .query(Integer.class).single() == 0) {
            createYear(year);
        }
        knownYears.add(year);
    }

    private Reservation reserveNow(int year) {
        Instant now = Instant.now();
        String token = UUID.randomUUID().toString();
        // First a number whose registration failed or died, so no gap stays behind.
        List<Reservation> abandoned = jdbc.sql("SELECT seq, token FROM case_number_reservation "
                        + "WHERE case_year = ? AND reserved_at < ? ORDER BY seq LIMIT 3")
                .params(year, Timestamp.from(now.minus(lease)))
                .query((rs, n) -> new Reservation(year, rs.getInt("seq"), rs.getString("token"), null)).list();
        for (Reservation old : abandoned) {
            String caseNo = format(pattern, year, old.seq());
            if (used(caseNo)) {
                // A reservation left beside its case (a restored backup, a hand-edited table): never hand the number
                // out again — every registration after it would fail on the case number's uniqueness.
                log.warn("Case number {} was still reserved although its case exists; reservation removed", caseNo);
                jdbc.sql("DELETE FROM case_number_reservation WHERE case_year = ? AND seq = ? AND token = ?")
                        .params(year, old.seq(), old.token()).update();
                continue;
            }
            int taken = jdbc.sql("UPDATE case_number_reservation SET token = ?, reserved_at = ? "
                            + "WHERE case_year = ? AND seq = ? AND token = ?")
                    .params(token, Timestamp.from(now), year, old.seq(), old.token()).update();
            if (taken == 1) {
                return new Reservation(year, old.seq(), token, caseNo);
            }
        }
        if (increment(year) == 0) {
            createYear(year);
            increment(year);
        }
        int value = jdbc.sql("SELECT last_value FROM case_number_sequence WHERE case_year = ?")
                .param(year).query(Integer.class).single();
        // Likewise a counter behind its cases (a restored backup): move it past the numbers already used.
        while (used(format(pattern, year, value))) {
            log.warn("Case number {} is already used; the counter of {} moves on", format(pattern, year, value), year);
            increment(year);
            value = jdbc.sql("SELECT last_value FROM case_number_sequence WHERE case_year = ?")
                    .param(year).query(Integer.class).single();
        }
        jdbc.sql("INSERT INTO case_number_reservation (case_year, seq, token, reserved_at) VALUES (?, ?, ?, ?)")
                .params(year, value, token, Timestamp.from(now)).update();
        return new Reservation(year, value, token, format(pattern, year, value));
    }

    private boolean used(String caseNo) {
        return jdbc.sql("SELECT COUNT(*) FROM application_case WHERE case_no = ?").param(caseNo)
                .query(Integer.class).single() > 0;
    }

    private int increment(int year) {
        return jdbc.sql("UPDATE case_number_sequence SET last_value = last_value + 1 WHERE case_year = ?")
                .param(year).update();
    }

    /**
     * In the registering transaction: the number becomes the case's when this commits.
     *
     * @throws IllegalStateException if the reservation was taken over after its lease (the registration must fail)
     */
    public void consume(Reservation r) {
        int deleted = jdbc.sql("DELETE FROM case_number_reservation WHERE case_year = ? AND seq = ? AND token = ?")
                .params(r.year(), r.seq(), r.token()).update();
        if (deleted != 1) {
            throw new IllegalStateException("Case number " + r.caseNo() + " was reserved for longer than "
                    + lease + " and has been given to another registration");
        }
    }

    /**
     * After a registration failed (outside its transaction): the number goes to the next registration at once.
     * Best effort — if this fails too, the lease hands the number on later.
     */
    public void release(Reservation r) {
        try {
            separateTransaction.executeWithoutResult(s -> jdbc.sql("UPDATE case_number_reservation SET reserved_at = ? "
                            + "WHERE case_year = ? AND seq = ? AND token = ?")
                    .params(Timestamp.from(Instant.EPOCH.plusSeconds(86_400)), r.year(), r.seq(), r.token()).update());
        } catch (RuntimeException e) {
            // the lease will do it
        }
    }

    static String format(String pattern, int year, int value) {
        Matcher m = SEQ.matcher(pattern.replace("{year}", Integer.toString(year)));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int width = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
            m.appendReplacement(sb, String.format("%0" + width + "d", value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** In its own transaction: a failed insert must not abort the caller's (PostgreSQL would). */
    private void createYear(int year) {
        try {
            separateTransaction.executeWithoutResult(s -> jdbc
                    .sql("INSERT INTO case_number_sequence (case_year, last_value) VALUES (?, 0)")
                    .param(year).update());
        } catch (DuplicateKeyException alreadyCreatedByAnotherNode) {
            // fine: the row exists now
        }
    }
}
