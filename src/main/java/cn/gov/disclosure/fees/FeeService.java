package cn.gov.disclosure.fees;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseClocks;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.notice.FeeCalculator;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.ReplyDraft;

/**
 * The information processing fee of Art. 42 (国办函〔2020〕109号) on one application: assessed by one method only
 * (per application: the applicant's how-manieth application this calendar month; or by volume: the pages to be
 * provided), the applicant's waiver request decided by the head with reasons, the fee notice (收费通知) with
 * basis, method, rate, amount and how to pay, 20 working days from its receipt to pay, the reply period standing
 * still meanwhile (configurable, {@link CaseClocks#feeNoticeReceived}), the payment registered by staff, or —
 * unpaid — the application no longer processed (逾期未缴费, reply type FEE_NOT_PAID). Every step is a case event.
 */
@Service
public class FeeService {

    public static final String NONE = "NONE";
    /** Outcomes handed back to the case's process. */
    public static final String WAIVED = "WAIVED";
    public static final String PAID = "PAID";
    public static final String NOT_PAID = "NOT_PAID";
    public static final String WAIVE = "WAIVE";
    public static final String REFUSE = "REFUSE";

    /** The fee as assessed; {@code charged} is false when the amount is nil (within the free band). */
    public record Assessment(long feeId, FeeCalculator.Method method, int quantity, int amount,
                             boolean waiverRequested) {

        public boolean charged() {
            return amount > 0;
        }
    }

    private final JdbcClient jdbc;
    private final CaseFileService caseFiles;
    private final CaseClocks clocks;
    private final NoticeService notices;
    private final Clock clock;
    private final int postalDeliveryDays;

    public FeeService(JdbcClient jdbc, CaseFileService caseFiles, CaseClocks clocks, NoticeService notices,
                      Clock clock, @Value("${disclosure.fees.notice-received-after-days:0}") int postalDeliveryDays) {
        this.jdbc = jdbc;
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.notices = notices;
        this.clock = clock;
        this.postalDeliveryDays = postalDeliveryDays;
    }

    /**
     * On completing 检索查找政府信息: the clerk's choice of method (NONE, PER_APPLICATION, BY_VOLUME) and, by
     * volume, the pages. Per application the count is the case's own: this applicant's applications received
     * in the same calendar month up to this one. Empty when no fee is charged.
     */
    @Transactional
    public java.util.Optional<Assessment> assess(String caseNo, String methodCode, Object pagesValue, String actor) {
        String code = methodCode == null || methodCode.isBlank() ? NONE : methodCode.strip();
        if (NONE.equals(code)) {
            return java.util.Optional.empty();
        }
        FeeCalculator.Method method;
        try {
            method = FeeCalculator.Method.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FieldError.of("feeMethod", "fees.method.invalid"));
        }
        ApplicationCase c = caseFiles.get(caseNo);
        int quantity;
        if (method == FeeCalculator.Method.BY_VOLUME) {
            Integer pages = whole(pagesValue);
            if (pages == null || pages < 1 || pages > 1_000_000) {
                throw new InvalidInputException(FieldError.of("feePages", "fees.pages.required"));
            }
            quantity = pages;
        } else {
            quantity = applicationsThisMonth(c);
        }
        // One method per application, never both (国办函〔2020〕109号): once a fee stands, a second assessment (the
        // search repeated after a reopening) is refused — also by the other method within its free band, which
        // would otherwise be recorded as a second, free assessment beside the charged one.
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM fee WHERE case_id = ? AND status <> 'WAIVED'")
                .param(c.id()).query(Integer.class).single();
        if (existing > 0) {
            throw new InvalidInputException(FieldError.of("feeMethod", "fees.alreadyCharged"));
        }
        int amount = method == FeeCalculator.Method.BY_VOLUME ? FeeCalculator.byVolume(quantity)
                : FeeCalculator.perApplication(quantity);
        if (amount == 0) {
            caseFiles.recordEvent(caseNo, "FEE_ASSESSED", "feeAmount", null, "0", actor,
                    Texts.get("fees.event.free", method.label(), quantity));
            return java.util.Optional.empty();
        }
        String waiver = c.feeWaiverReason() == null || c.feeWaiverReason().isBlank() ? null : c.feeWaiverReason();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO fee (case_id, method, quantity, amount, waiver_requested, status, created_at)
                VALUES (?, ?, ?, ?, ?, 'ASSESSED', ?)
                """).params(c.id(), method.name(), quantity, amount, waiver, Timestamp.from(clock.instant()))
                .update(keys, "id");
        caseFiles.recordEvent(caseNo, "FEE_ASSESSED", "feeAmount", null, String.valueOf(amount), actor,
                Texts.get("fees.event.assessed", method.label(), quantity, amount));
        return java.util.Optional.of(new Assessment(keys.getKey().longValue(), method, quantity, amount,
                waiver != null));
    }

    /** 按件: the applicant's applications (same identity number) received this calendar month up to this one. */
    int applicationsThisMonth(ApplicationCase c) {
        LocalDate first = c.receivedOn().withDayOfMonth(1);
        return jdbc.sql("""
                SELECT COUNT(*) FROM application_case WHERE id_type = ? AND id_number = ? AND received_on >= ?
                  AND (received_on < ? OR (received_on = ? AND id <= ?))
                """).params(c.idType().name(), c.idNumber(), Date.valueOf(first), Date.valueOf(c.receivedOn()),
                Date.valueOf(c.receivedOn()), c.id()).query(Integer.class).single();
    }

    /** 决定是否减免: the head's decision on the applicant's waiver request, with reasons that go on the notice. */
    @Transactional
    public boolean decideWaiver(long feeId, String decision, String reasons, String actor) {
        String why = reasons == null || reasons.isBlank() ? null : reasons.strip();
        if (!WAIVE.equals(decision) && !REFUSE.equals(decision)) {
            throw new InvalidInputException(FieldError.of("feeWaiverDecision", "fees.waiver.decision.required"));
        }
        if (why == null || why.length() > 1000) {
            throw new InvalidInputException(FieldError.of("feeWaiverReasons", "fees.waiver.reasons.required", 1000));
        }
        boolean waive = WAIVE.equals(decision);
        jdbc.sql("UPDATE fee SET waiver_decision = ?, waiver_reasons = ?, waiver_decided_by = ?, status = ? "
                + "WHERE id = ?").params(decision, why, actor, waive ? WAIVED : "ASSESSED", feeId).update();
        caseFiles.recordEvent(caseNoOf(feeId), "FEE_WAIVER_DECIDED", "feeWaiver", null, decision, actor,
                Texts.get(waive ? "fees.event.waived" : "fees.event.waiverRefused", why));
        return waive;
    }

    /**
     * 发出收费通知: the notice as PDF and e-mail; 20 working days to pay from its receipt (the day it is sent, or
     * {@code disclosure.fees.notice-received-after-days} later); the reply clock stands still from then.
     *
     * @return the last day for payment
     */
    @Transactional
    public LocalDate issueNotice(long feeId) {
        var row = jdbc.sql("SELECT method, quantity, waiver_decision, waiver_reasons FROM fee WHERE id = ?")
                .param(feeId).query((rs, i) -> new Object[]{rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4)}).single();
        String caseNo = caseNoOf(feeId);
        LocalDate today = LocalDate.now(clock);
        LocalDate received = today.plusDays(postalDeliveryDays);
        LocalDate payBy = clocks.feeNoticeReceived(caseNo, received, "system");
        String waiverNote = REFUSE.equals(row[2]) ? Texts.get("fees.notice.waiverRefused", row[3]) : null;
        notices.issueFeeNotice(caseNo, FeeCalculator.Method.valueOf((String) row[0]), (Integer) row[1], payBy,
                waiverNote);
        jdbc.sql("UPDATE fee SET notice_on = ?, pay_by = ?, status = 'NOTICE_SENT' WHERE id = ?")
                .params(Date.valueOf(today), Date.valueOf(payBy), feeId).update();
        return payBy;
    }

    /** 登记缴费: staff register the payment (date, receipt number); the reply clock runs on from the payment. */
    @Transactional
    public void recordPayment(long feeId, String paidOnText, String reference, String actor) {
        LocalDate paidOn = parse(paidOnText);
        var row = jdbc.sql("SELECT notice_on FROM fee WHERE id = ?").param(feeId)
                .query((rs, i) -> rs.getDate(1).toLocalDate()).single();
        if (paidOn == null || paidOn.isAfter(LocalDate.now(clock)) || paidOn.isBefore(row)) {
            throw new InvalidInputException(FieldError.of("feePaidOn", "fees.paidOn.invalid"));
        }
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        if (ref != null && ref.length() > 100) {
            throw new InvalidInputException(FieldError.of("feePaymentReference", "fees.reference.tooLong", 100));
        }
        jdbc.sql("UPDATE fee SET paid_on = ?, payment_reference = ?, paid_recorded_by = ?, status = 'PAID' "
                + "WHERE id = ?").params(Date.valueOf(paidOn), ref, actor, feeId).update();
        String caseNo = caseNoOf(feeId);
        caseFiles.recordEvent(caseNo, "FEE_PAID", "feePaidOn", null, paidOn.toString(), actor,
                Texts.get("fees.event.paid", paidOn, ref == null ? "" : ref));
        if (clocks.clock(caseNo).isPaused()) {
            clocks.resume(caseNo, paidOn, actor);
        }
    }

    /**
     * 逾期未缴费: the 20 working days ended without payment; the application is no longer processed (Art. 42,
     * 国办函〔2020〕109号) and the applicant is told so in a reply (type FEE_NOT_PAID) with the remedies.
     */
    @Transactional
    public void notPaid(long feeId) {
        String caseNo = caseNoOf(feeId);
        jdbc.sql("UPDATE fee SET status = 'NOT_PAID' WHERE id = ?").param(feeId).update();
        caseFiles.recordEvent(caseNo, "FEE_NOT_PAID", "replyType", null, "FEE_NOT_PAID", "system",
                Texts.get("fees.event.notPaid"));
        notices.issueReply(caseNo, new ReplyDraft("FEE_NOT_PAID", List.of(), Texts.get("fees.reply.reasoning"),
                null, null, null));
    }

    private String caseNoOf(long feeId) {
        return jdbc.sql("SELECT c.case_no FROM fee f JOIN application_case c ON c.id = f.case_id WHERE f.id = ?")
                .param(feeId).query(String.class).single();
    }

    private static Integer whole(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue() == n.intValue() ? n.intValue() : null;
        }
        try {
            return v == null || v.toString().isBlank() ? null : Integer.valueOf(v.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate parse(String s) {
        if (s == null || s.isBlank() || s.strip().length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
