package cn.gov.disclosure.report;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A generated year of cases and appeals, written straight into the tables (the engine is not needed to
 * count), with every outcome of the annual report represented.
 */
final class GeneratedYear {

    record Case(String caseNo, String applicantType, String channel, LocalDate receivedOn, LocalDate dueOn,
                int extensionDays, String replyType, String primaryReason, LocalDate repliedOn) {
    }

    record Appeal(String kind, boolean afterReconsideration, LocalDate receivedOn, String outcome, LocalDate decidedOn) {
    }

    static final String[] TYPES = {"NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", "RESEARCH_INSTITUTION",
            "PUBLIC_INTEREST_ORGANIZATION", "LEGAL_SERVICE_ORGANIZATION", "OTHER_ORGANIZATION"};
    static final String[] CHANNELS = {"ONLINE", "IN_PERSON", "LETTER", "REGISTERED_MAIL", "FAX", "OTHER"};
    /** Reply types, with a withholding reason for NOT_DISCLOSED (and sometimes PARTIALLY_DISCLOSED). */
    static final String[][] OUTCOMES = {
            {"ALREADY_PUBLIC", null}, {"DISCLOSED", null}, {"PARTIALLY_DISCLOSED", "THIRD_PARTY_RIGHTS"},
            {"NOT_DISCLOSED", "STATE_SECRET"}, {"NOT_DISCLOSED", "LAW_PROHIBITS"},
            {"NOT_DISCLOSED", "SECURITY_STABILITY"}, {"NOT_DISCLOSED", "THIRD_PARTY_RIGHTS"},
            {"NOT_DISCLOSED", "INTERNAL_AFFAIRS"}, {"NOT_DISCLOSED", "PROCESS_INFORMATION"},
            {"NOT_DISCLOSED", "ENFORCEMENT_FILES"}, {"SEPARATE_ACCESS_REGIME", null}, {"NOT_HELD", null},
            {"OTHER_AGENCY", null}, {"NEEDS_CREATION", null}, {"STILL_UNCLEAR", null}, {"PETITION", null},
            {"REPEAT", null}, {"PUBLISHED_MATERIAL", null}, {"EXCESSIVE", null}, {"CONFIRM_OR_REISSUE", null},
            {"ABANDONED", null}, {"FEE_NOT_PAID", null}, {"OTHER_HANDLING", null}};

    static List<Case> cases(String prefix, int year, int count, long seed) {
        Random random = new Random(seed);
        List<Case> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Received from the October before the year to the end of the year.
            LocalDate received = LocalDate.of(year - 1, 10, 1).plusDays(random.nextInt(457));
            LocalDate due = received.plusDays(28);
            int extension = random.nextInt(8) == 0 ? 20 : 0;
            if (extension > 0) {
                due = due.plusDays(28);
            }
            String[] outcome = OUTCOMES[i % OUTCOMES.length];
            LocalDate replied = switch (random.nextInt(10)) {
                case 0 -> null;                                            // still open
                case 1 -> due.plusDays(1 + random.nextInt(20));            // late
                default -> received.plusDays(1 + random.nextInt(Math.max(1, (int) (due.toEpochDay() - received.toEpochDay()))));
            };
            list.add(new Case(prefix + "-" + i, TYPES[random.nextInt(TYPES.length)],
                    CHANNELS[random.nextInt(CHANNELS.length)], received, due, extension,
                    replied == null ? null : outcome[0], replied == null ? null : outcome[1], replied));
        }
        return list;
    }

    static List<Appeal> appeals(int year, int count, long seed) {
        Random random = new Random(seed);
        String[] outcomes = {"UPHELD", "CORRECTED", "OTHER", "PENDING"};
        List<Appeal> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate received = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
            String outcome = outcomes[random.nextInt(4)];
            LocalDate decided = "PENDING".equals(outcome) ? null : received.plusDays(10 + random.nextInt(120));
            int kind = random.nextInt(3);
            list.add(new Appeal(kind == 0 ? "RECONSIDERATION" : "LAWSUIT", kind == 2, received, outcome, decided));
        }
        return list;
    }

    static void insert(JdbcClient jdbc, List<Case> cases, List<Appeal> appeals) {
        Timestamp now = Timestamp.from(Instant.now());
        Long firstId = null;
        for (Case c : cases) {
            jdbc.sql("""
                    INSERT INTO application_case (case_no, tracking_code_hash, channel, received_on, applicant_type,
                      applicant_name, id_type, id_number, description, info_form, delivery, filled_in_by_staff, status,
                      due_on, created_at, created_by, reply_type, primary_reason, replied_on, extension_days)
                    VALUES (?, 'x', ?, ?, ?, '生成', 'OTHER', 'X', '生成的申请', 'ELECTRONIC', 'EMAIL', FALSE, ?, ?, ?,
                      'generator', ?, ?, ?, ?)
                    """).params(c.caseNo(), c.channel(), Date.valueOf(c.receivedOn()), c.applicantType(),
                    c.repliedOn() == null ? "IN_PROGRESS" : "CLOSED", Date.valueOf(c.dueOn()), now, c.replyType(),
                    c.primaryReason(), c.repliedOn() == null ? null : Date.valueOf(c.repliedOn()), c.extensionDays())
                    .update();
            if (firstId == null) {
                firstId = jdbc.sql("SELECT id FROM application_case WHERE case_no = ?").param(c.caseNo())
                        .query(Long.class).single();
            }
        }
        for (Appeal a : appeals) {
            jdbc.sql("""
                    INSERT INTO appeal (case_id, kind, after_reconsideration, simplified, body, received_on, answer_due,
                      outcome, decided_on, created_at) VALUES (?, ?, ?, FALSE, '生成', ?, ?, ?, ?, ?)
                    """).params(firstId, a.kind(), a.afterReconsideration(), Date.valueOf(a.receivedOn()),
                    Date.valueOf(a.receivedOn().plusDays(14)), a.outcome(),
                    a.decidedOn() == null ? null : Date.valueOf(a.decidedOn()), now).update();
        }
    }
}
