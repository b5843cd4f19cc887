package cn.gov.disclosure.casefile;

import cn.gov.disclosure.common.Texts;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.gov.disclosure.calendar.PauseReason;
import cn.gov.disclosure.calendar.ReplyClock;
import cn.gov.disclosure.calendar.StatutoryPeriods;

/** Stores a case's {@link ReplyClock}: start, extension and pauses. */
@Repository
public class CaseClockRepository {

    private final JdbcClient jdbc;

    public CaseClockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ReplyClock load(long caseId) {
        record Head(LocalDate start, String reason, int extension, int deferral) {
        }
        Head head = jdbc.sql("SELECT COALESCE(clock_start, received_on) AS s, clock_start_reason, extension_days, "
                        + "deferral_days "
                        + "FROM application_case WHERE id = ?").param(caseId)
                .query((rs, n) -> new Head(rs.getObject("s", LocalDate.class),
                        rs.getString("clock_start_reason") == null ? Texts.get("calendar.start.received") : rs.getString("clock_start_reason"),
                        rs.getInt("extension_days"), rs.getInt("deferral_days")))
                .single();
        List<ReplyClock.Pause> pauses = jdbc.sql(
                        "SELECT paused_from, resumed_on, reason FROM case_pause WHERE case_id = ? ORDER BY id")
                .param(caseId)
                .query((rs, n) -> new ReplyClock.Pause(rs.getObject("paused_from", LocalDate.class),
                        rs.getObject("resumed_on", LocalDate.class), PauseReason.valueOf(rs.getString("reason"))))
                .list();
        return new ReplyClock(head.start(), head.reason(), StatutoryPeriods.REPLY_WORKING_DAYS, head.extension(),
                pauses, head.deferral());
    }

    /** Replaces the stored clock with {@code clock} and sets the due day (null while paused). */
    public void save(long caseId, ReplyClock clock, LocalDate dueOn) {
        jdbc.sql("UPDATE application_case SET clock_start = ?, clock_start_reason = ?, extension_days = ?, "
                        + "deferral_days = ?, due_on = COALESCE(?, due_on) WHERE id = ?")
                .params(clock.start(), clock.startReason(), clock.extensionDays(), clock.deferralDays(), dueOn, caseId)
                .update();
        jdbc.sql("DELETE FROM case_pause WHERE case_id = ?").param(caseId).update();
        for (ReplyClock.Pause p : clock.pauses()) {
            jdbc.sql("INSERT INTO case_pause (case_id, paused_from, resumed_on, reason) VALUES (?, ?, ?, ?)")
                    .params(caseId, p.from(), p.to(), p.reason().name()).update();
        }
    }

    public void markOverdue(long caseId, boolean overdue) {
        jdbc.sql("UPDATE application_case SET overdue = ? WHERE id = ?").params(overdue, caseId).update();
    }

    public boolean isOverdue(long caseId) {
        return jdbc.sql("SELECT overdue FROM application_case WHERE id = ?").param(caseId).query(Boolean.class)
                .single();
    }
}
