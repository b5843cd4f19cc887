package cn.gov.disclosure.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.gov.disclosure.casefile.TrackingCodes;

/**
 * Nothing acknowledged is lost: the packaged application under load from several clients is killed with
 * {@code kill -9}, started again on the same data, and every application it had answered 201 must be there
 * complete — the case with what was sent and the tracking code the applicant got, exactly one process
 * instance, exactly one acknowledgment (受理回执) with its e-mail in the outbox. Nothing may be half-stored
 * either: every case in the database, answered or cut off by the kill, is complete in the same way.
 * Subclasses choose the database.
 */
abstract class CrashTest {

    static final int CLIENTS = 8;
    /** Kill after this many answers, or after {@link #LOAD_AT_MOST}, whichever comes first. */
    static final int KILL_AFTER = 120;
    static final Duration LOAD_AT_MOST = Duration.ofSeconds(45);
    static final Duration START_AT_MOST = Duration.ofMinutes(5);

    /** Its name in the figures. */
    abstract String database();

    /** Arguments that point the application at the database (none: the shipped default). */
    abstract List<String> databaseArgs(Path workDir);

    /** A connection to the same database, opened after the application has stopped. */
    abstract Connection connect(Path workDir) throws SQLException;

    @Test
    void everyAcknowledgedApplicationSurvivesKill9() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "crash-test", database() + "-" + System.currentTimeMillis()))
                .toAbsolutePath();
        AppProcess first = AppProcess.start(dir, "first-run", databaseArgs(dir));
        ApplicationLoad load;
        try {
            first.awaitReady(START_AT_MOST);
            load = new ApplicationLoad(first.baseUrl());
            load.start(CLIENTS);
            load.awaitAcknowledged(KILL_AFTER, LOAD_AT_MOST);
        } finally {
            first.kill();
        }
        load.stop();
        List<ApplicationLoad.Acknowledged> acknowledged = load.acknowledged();

        // A short reservation lease: the numbers reserved by requests the kill cut off go to the next applications.
        List<String> restartArgs = new ArrayList<>(databaseArgs(dir));
        restartArgs.add("--disclosure.case-number.reservation-lease=PT1S");
        AppProcess second = AppProcess.start(dir, "after-restart", restartArgs);
        ApplicationLoad.Acknowledged afterRestart;
        List<ApplicationLoad.Acknowledged> more = new ArrayList<>();
        ApplicationLoad after;
        try {
            second.awaitReady(START_AT_MOST);
            // The restarted node takes new applications and does not hand out a case number again.
            after = new ApplicationLoad(second.baseUrl());
            afterRestart = after.submit(second.baseUrl(), "重启后的申请");
            // At most one reservation per client was cut off: as many more applications fill every gap.
            Thread.sleep(1500);
            for (int i = 0; i < CLIENTS; i++) {
                more.add(after.submit(second.baseUrl(), "重启后的申请" + i));
            }
            // The acknowledgments owed from before the kill follow now, as jobs.
            awaitNoDueJobs(second.baseUrl());
        } finally {
            second.stop();
        }

        Verdict v;
        Numbering numbering;
        try (Connection db = connect(dir)) {
            v = verify(db, acknowledged, afterRestart == null ? null : afterRestart.caseNo());
            numbering = numbering(db);
        }
        System.out.printf("CRASH TEST [%s]: %d clients, kill -9 after %d applications answered 201; "
                        + "lost %d, incomplete %d; %d requests cut off by the kill, %d of them stored; "
                        + "%d cases in the database after the restart; answers other than 201 during the load: %s%n",
                database(), CLIENTS, acknowledged.size(), v.lost().size(), v.incomplete().size(), load.cutOff(),
                v.storedWithoutAnswer(), v.casesInDatabase(), load.refused());

        assertThat(acknowledged).as("applications answered 201 before the kill").hasSizeGreaterThan(CLIENTS);
        assertThat(load.refused()).as("answers other than 201 under load").isEmpty();
        assertThat(v.lost()).as("acknowledged but missing after the restart").isEmpty();
        assertThat(v.incomplete()).as("cases without exactly one process instance, one acknowledgment and one review").isEmpty();
        assertThat(v.orphanProcesses()).as("process instances without a case").isZero();
        assertThat(afterRestart).as(() -> "an application after the restart; refused " + after.refused() + ", last: "
                + after.lastRefusal() + "\nlog after the restart:\n" + second.logProblems()).isNotNull();
        assertThat(acknowledged).extracting(ApplicationLoad.Acknowledged::caseNo).doesNotContain(afterRestart.caseNo());
        assertThat(more).as(() -> "applications after the restart; refused " + after.refused() + ", last: "
                + after.lastRefusal() + "\nlog after the restart:\n" + second.logProblems()).doesNotContainNull();
        System.out.printf("CRASH TEST [%s]: case numbers %s; acknowledgments still pending %d%n", database(), numbering,
                numbering.pendingAcknowledgments());
        assertThat(numbering.pendingAcknowledgments()).as("every acknowledgment issued, its sealed code erased").isZero();
        assertThat(numbering.openReservations()).as("no number left reserved").isZero();
        assertThat(numbering.cases()).as("per year: as many cases as numbers handed out, no gaps")
                .isEqualTo(numbering.lastValue());
    }

    /** The year's counter against its cases: equal counts and no open reservation mean no gap. */
    record Numbering(long cases, long lastValue, long openReservations, long pendingAcknowledgments) {
    }

    private static Numbering numbering(Connection db) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("""
                SELECT (SELECT COUNT(*) FROM application_case),
                  (SELECT COALESCE(SUM(last_value), 0) FROM case_number_sequence),
                  (SELECT COUNT(*) FROM case_number_reservation),
                  (SELECT COUNT(*) FROM pending_acknowledgment)
                """); ResultSet rs = q.executeQuery()) {
            rs.next();
            return new Numbering(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    record Verdict(List<String> lost, List<String> incomplete, int casesInDatabase, int storedWithoutAnswer,
                   long orphanProcesses) {
    }

    private static Verdict verify(Connection db, List<ApplicationLoad.Acknowledged> acknowledged, String afterRestart)
            throws SQLException {
        Set<String> answered = new HashSet<>();
        acknowledged.forEach(a -> answered.add(a.caseNo()));
        answered.add(afterRestart);
        List<String> lost = new ArrayList<>();
        for (ApplicationLoad.Acknowledged a : acknowledged) {
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT description, tracking_code_hash, due_on FROM application_case WHERE case_no = ?")) {
                q.setString(1, a.caseNo());
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next() || !rs.getString("description").contains(a.marker())
                            || !TrackingCodes.matches(a.trackingCode(), rs.getString("tracking_code_hash"))
                            || !rs.getDate("due_on").toLocalDate().toString().equals(a.dueOn())) {
                        lost.add(a.caseNo());
                    }
                }
            }
        }
        // Every case, answered or not: one process instance, one acknowledgment notice, one e-mail for it, and the
        // clerks' review started once (the job continuing the intake after 登记申请 ran, exactly once).
        List<String> incomplete = new ArrayList<>();
        int cases = 0;
        int storedWithoutAnswer = 0;
        try (PreparedStatement q = db.prepareStatement("""
                SELECT c.case_no,
                  (SELECT COUNT(*) FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = c.case_no) AS instances,
                  (SELECT COUNT(*) FROM notice n WHERE n.case_id = c.id AND n.notice_type = 'ACKNOWLEDGMENT') AS acks,
                  (SELECT COUNT(*) FROM mail_outbox m JOIN notice n ON m.notice_id = n.id
                    WHERE n.case_id = c.id AND n.notice_type = 'ACKNOWLEDGMENT') AS ack_mails,
                  (SELECT COUNT(*) FROM ACT_HI_ACTINST a JOIN ACT_HI_PROCINST p ON a.PROC_INST_ID_ = p.ID_
                    WHERE p.BUSINESS_KEY_ = c.case_no AND a.ACT_ID_ = 'ReviewCompleteness') AS reviews
                FROM application_case c
                """); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                cases++;
                if (!answered.contains(rs.getString("case_no"))) {
                    storedWithoutAnswer++;
                }
                if (rs.getLong("instances") != 1 || rs.getLong("acks") != 1 || rs.getLong("ack_mails") != 1
                        || rs.getLong("reviews") != 1) {
                    incomplete.add(rs.getString("case_no") + " (instances " + rs.getLong("instances") + ", acknowledgments "
                            + rs.getLong("acks") + ", e-mails " + rs.getLong("ack_mails") + ", reviews "
                            + rs.getLong("reviews") + ")");
                }
            }
        }
        long orphans;
        try (PreparedStatement q = db.prepareStatement("""
                SELECT COUNT(*) FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM application_case c WHERE c.case_no = p.BUSINESS_KEY_)
                """); ResultSet rs = q.executeQuery()) {
            rs.next();
            orphans = rs.getLong(1);
        }
        return new Verdict(lost, incomplete, cases, storedWithoutAnswer, orphans);
    }

    /** Lets the restarted engine finish work that was due (e.g. an asynchronous step cut by the kill). */
    private static void awaitNoDueJobs(String baseUrl) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
        // Jobs the killed node had acquired stay locked for the job executor's lock time (60 s) first.
        long end = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < end) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/job/count?executable=true"))
                    .header("Authorization", admin).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || r.body().replaceAll("\\s", "").equals("{\"count\":0}")) {
                return;
            }
            Thread.sleep(500);
        }
    }
}
