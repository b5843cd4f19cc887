package cn.gov.disclosure.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.gov.disclosure.common.SideTransactions;

/**
 * 文号 for outgoing notices in the agency's pattern (default {@code {prefix}〔{year}〕{seq}号}), numbered per agency
 * and per year without gaps, assigned when a notice is issued.
 * <p>
 * The number must be printed on the PDF, so it exists before the notice is stored; but holding a lock on a
 * counter from then until the caller's transaction commits would queue every issuing step of every node behind
 * one slow rendering. So a number is <em>reserved</em> in a short transaction of its own, and <em>confirmed</em>
 * in the caller's transaction together with the notice. The short transaction runs on the side pool
 * ({@link SideTransactions}): the caller already holds a connection of the main pool. A reservation that is never confirmed (the notice was
 * refused, the step failed, the node died) expires after the lease and is given to the next notice of that year:
 * numbers stay gap-free, at the price that a reused number may be a few minutes out of date order.
 */
@Service
public class DocumentNumbers {

    /** A number held for one notice until it is confirmed or the lease ends. */
    public record Reservation(String agencyKey, int year, int seq, String token, String text) {
    }

    private static final int ATTEMPTS = 20;

    private final JdbcClient jdbc;
    private final SideTransactions shortTx;
    private final Clock clock;
    private final String pattern;
    private final String prefix;
    private final String agencyKey;
    private final Duration lease;

    public DocumentNumbers(JdbcClient jdbc, SideTransactions shortTx, Clock clock, AgencyProfile agency,
                           @Value("${disclosure.notice.doc-number.pattern:}") String pattern,
                           @Value("${disclosure.notice.doc-number.prefix:}") String prefix,
                           @Value("${disclosure.notice.doc-number.lease:PT10M}") Duration lease) {
        this.jdbc = jdbc;
        this.shortTx = shortTx;
        this.clock = clock;
        this.pattern = pattern == null || pattern.isBlank() ? cn.gov.disclosure.common.Texts.get("notice.docNumber.pattern")
                : pattern;
        this.prefix = prefix == null ? "" : prefix;
        // Per agency: a second agency profile (or a renamed one) numbers on its own.
        this.agencyKey = this.prefix + "|" + agency.name();
        this.lease = lease;
    }

    /** Reserves the next free number of the year of {@code issuedOn}, in a transaction of its own. */
    public Reservation reserve(LocalDate issuedOn) {
        int year = issuedOn.getYear();
        for (int attempt = 1; ; attempt++) {
            try {
                return shortTx.execute(side -> reclaim(side, year).orElseGet(() -> next(side, year)));
            } catch (DataIntegrityViolationException collision) {
                // Another node took the same next number at the same moment: try again.
                if (attempt >= ATTEMPTS) {
                    throw collision;
                }
            }
        }
    }

    /** Binds the number to the stored notice, in the caller's transaction (the one that stores the notice). */
    public void confirm(Reservation r, long noticeId) {
        int n = jdbc.sql("UPDATE notice_number SET notice_id = ? WHERE agency_key = ? AND doc_year = ? AND seq = ? "
                        + "AND token = ? AND notice_id IS NULL")
                .params(noticeId, r.agencyKey(), r.year(), r.seq(), r.token()).update();
        if (n != 1) {
            // The lease ran out and the number went to another notice: fail this step so it is retried afresh.
            throw new IllegalStateException("Document number " + r.text() + " is no longer reserved for this notice");
        }
    }

    /** Gives an unconfirmed number back at once (the notice was refused before it was stored). */
    public void release(Reservation r) {
        shortTx.execute(side -> side.sql("UPDATE notice_number SET reserved_until = ? WHERE agency_key = ? "
                        + "AND doc_year = ? AND seq = ? AND token = ? AND notice_id IS NULL")
                .params(Timestamp.from(Instant.EPOCH), r.agencyKey(), r.year(), r.seq(), r.token()).update());
    }

    /** The text printed on the notice. */
    public String format(int year, int seq) {
        return pattern.replace("{prefix}", prefix).replace("{year}", String.valueOf(year))
                .replace("{seq}", String.valueOf(seq));
    }

    private Optional<Reservation> reclaim(JdbcClient jdbc, int year) {
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Integer> free = jdbc.sql("SELECT MIN(seq) FROM notice_number WHERE agency_key = ? AND doc_year = ? "
                        + "AND notice_id IS NULL AND reserved_until < ?")
                .params(agencyKey, year, now).query(Integer.class).list().stream().filter(java.util.Objects::nonNull)
                .findFirst();
        if (free.isEmpty()) {
            return Optional.empty();
        }
        String token = UUID.randomUUID().toString();
        // The WHERE clause is checked again on the locked row: of two nodes reclaiming the same number, one wins.
        int n = jdbc.sql("UPDATE notice_number SET token = ?, reserved_until = ? WHERE agency_key = ? AND doc_year = ? "
                        + "AND seq = ? AND notice_id IS NULL AND reserved_until < ?")
                .params(token, until(), agencyKey, year, free.get(), now).update();
        return n == 1 ? Optional.of(new Reservation(agencyKey, year, free.get(), token, format(year, free.get())))
                : Optional.empty();
    }

    private Reservation next(JdbcClient jdbc, int year) {
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM notice_number WHERE agency_key = ? AND doc_year = ?")
                .params(agencyKey, year).query(Integer.class).single();
        String token = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO notice_number (agency_key, doc_year, seq, token, reserved_until) VALUES (?, ?, ?, ?, ?)")
                .params(agencyKey, year, seq, token, until()).update();
        return new Reservation(agencyKey, year, seq, token, format(year, seq));
    }

    private Timestamp until() {
        return Timestamp.from(clock.instant().plus(lease));
    }
}
