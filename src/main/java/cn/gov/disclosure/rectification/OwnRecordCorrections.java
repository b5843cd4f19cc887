package cn.gov.disclosure.rectification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;

/**
 * Art. 41 of the Regulation: a citizen (or organisation) with evidence that government information the agency holds
 * about them is inaccurate may ask for its correction. The agency with the authority verifies it and corrects it;
 * one without the authority transfers the request to the agency that has it and tells the applicant; an
 * unfounded request is refused with reasons. Each becomes the reply {@code RECORD_CORRECTION} (cites Art. 41; in
 * the annual report under 其他处理 — 其他, the national Table 3 having no row of its own for it).
 * Plain values in and out; the route in the process is driven by {@code workflow/disclosure/OwnRecordSteps}.
 */
@Service
public class OwnRecordCorrections {

    /** The request kind, as the review form and the case record name it. */
    public static final String KIND = "CORRECTION_OF_OWN_RECORDS";
    /** The reply every outcome leads to (templates/catalogue/replies.json). */
    public static final String REPLY_TYPE = "RECORD_CORRECTION";

    public static final String CORRECTED = "CORRECTED";
    public static final String TRANSFERRED = "TRANSFERRED";
    public static final String REFUSED = "REFUSED";

    static final int TEXT_MAX = 2000;
    static final int AGENCY_MAX = 200;

    /** The 核实并更正信息 form as entered. */
    public record Verification(String outcome, String notes, String correctedContent, String competentAgency,
                               String refusalReasons) {
    }

    /** What the reply says: its type, the details paragraph and the reasoning (说理). */
    public record Reply(String replyType, String details, String reasoning) {
    }

    private final JdbcClient jdbc;
    private final CaseFileService caseFiles;
    private final Clock clock;

    public OwnRecordCorrections(JdbcClient jdbc, CaseFileService caseFiles, Clock clock) {
        this.jdbc = jdbc;
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    /**
     * The clerk found at 审查申请内容 that the application asks for a correction of records about the applicant:
     * recorded once (a second marking, e.g. after a reopening, changes nothing), with the old and new kind.
     */
    @Transactional
    public void mark(String caseNo, String actor) {
        ApplicationCase c = caseFiles.get(caseNo);
        if (marked(caseNo)) {
            return;
        }
        // Plain VALUES: PostgreSQL cannot type a bare parameter in INSERT … SELECT ? WHERE NOT EXISTS. Marking
        // happens on the case's own task, so no two run at once; the primary key would refuse a second row anyway.
        jdbc.sql("INSERT INTO own_record_correction (case_id, marked_by, marked_at) VALUES (?, ?, ?)")
                .params(c.id(), actor, Timestamp.from(clock.instant())).update();
        caseFiles.recordEvent(caseNo, "REQUEST_KIND_CHANGED", "requestKind", "DISCLOSURE", KIND, actor,
                Texts.get("rectification.event.marked"));
    }

    /** Whether the case is an Art. 41 request. */
    public boolean marked(String caseNo) {
        return outcomeRow(caseNo).isPresent();
    }

    /** The stored outcome (null while not yet verified); empty when the case is no Art. 41 request. */
    public Optional<String> outcome(String caseNo) {
        return outcomeRow(caseNo).map(o -> o.isEmpty() ? null : o);
    }

    private Optional<String> outcomeRow(String caseNo) {
        return jdbc.sql("""
                SELECT COALESCE(r.outcome, '') FROM own_record_correction r JOIN application_case c ON c.id = r.case_id
                WHERE c.case_no = ?
                """).param(caseNo).query(String.class).optional();
    }

    /**
     * On completing 核实并更正信息: checks the form (all field errors at once), stores the outcome with the old
     * one in the case event, and returns the reply it leads to.
     */
    @Transactional
    public Reply decide(String caseNo, Verification form, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String outcome = text(form.outcome());
        String notes = text(form.notes());
        String corrected = text(form.correctedContent());
        String agency = text(form.competentAgency());
        String reasons = text(form.refusalReasons());
        if (!CORRECTED.equals(outcome) && !TRANSFERRED.equals(outcome) && !REFUSED.equals(outcome)) {
            errors.add(FieldError.of("ownRecordsOutcome", "rectification.outcome.required"));
        }
        if (notes == null) {
            errors.add(FieldError.of("verificationNotes", "rectification.notes.required"));
        }
        if (CORRECTED.equals(outcome) && corrected == null) {
            errors.add(FieldError.of("correctedContent", "rectification.correctedContent.required"));
        }
        if (TRANSFERRED.equals(outcome) && agency == null) {
            errors.add(FieldError.of("competentAgency", "rectification.competentAgency.required"));
        }
        if (REFUSED.equals(outcome) && reasons == null) {
            errors.add(FieldError.of("refusalReasons", "rectification.refusalReasons.required"));
        }
        tooLong(errors, "verificationNotes", notes, TEXT_MAX);
        tooLong(errors, "correctedContent", corrected, TEXT_MAX);
        tooLong(errors, "competentAgency", agency, AGENCY_MAX);
        tooLong(errors, "refusalReasons", reasons, TEXT_MAX);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // Only what the outcome needs is kept: a field left over from another choice would mislead the record.
        String keptCorrected = CORRECTED.equals(outcome) ? corrected : null;
        String keptAgency = TRANSFERRED.equals(outcome) ? agency : null;
        String keptReasons = REFUSED.equals(outcome) ? reasons : null;
        mark(caseNo, actor);
        String previous = outcome(caseNo).orElse(null);
        jdbc.sql("""
                UPDATE own_record_correction SET outcome = ?, verification_notes = ?, corrected_content = ?,
                  competent_agency = ?, refusal_reasons = ?, decided_by = ?, decided_at = ?
                WHERE case_id = ?
                """).params(outcome, notes, keptCorrected, keptAgency, keptReasons, actor,
                Timestamp.from(clock.instant()), caseFiles.get(caseNo).id()).update();
        caseFiles.recordEvent(caseNo, "OWN_RECORDS_VERIFIED", "ownRecordsOutcome", previous, outcome, actor,
                Texts.get("rectification.event.verified." + outcome));
        String details = switch (outcome) {
            case CORRECTED -> Texts.get("rectification.reply.corrected", keptCorrected);
            case TRANSFERRED -> Texts.get("rectification.reply.transferred", keptAgency);
            default -> Texts.get("rectification.reply.refused", keptReasons);
        };
        return new Reply(REPLY_TYPE, details, notes);
    }

    private static void tooLong(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(FieldError.of(field, "rectification.tooLong", max));
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
