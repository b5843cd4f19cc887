package cn.gov.disclosure.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.intake.Delivery;
import cn.gov.disclosure.mail.MailOutbox;

/**
 * Issues notices: fills the template, renders the PDF, keeps it with the case, records the event and
 * queues the e-mail to the applicant, all in the caller's transaction.
 */
@Service
public class NoticeService {

    private final CaseFileService caseFiles;
    private final NoticeTemplates templates;
    private final PdfRenderer renderer;
    private final NoticeRepository notices;
    private final MailOutbox outbox;
    private final AgencyProfile agency;
    private final Clock clock;

    public NoticeService(CaseFileService caseFiles, NoticeTemplates templates, PdfRenderer renderer,
                         NoticeRepository notices, MailOutbox outbox, AgencyProfile agency, Clock clock) {
        this.caseFiles = caseFiles;
        this.templates = templates;
        this.renderer = renderer;
        this.notices = notices;
        this.outbox = outbox;
        this.agency = agency;
        this.clock = clock;
    }

    /** 受理回执. The tracking code is printed on it only when the intake step still has it in hand. */
    @Transactional
    public Notice issueAcknowledgment(String caseNo, String trackingCode) {
        Map<String, Object> model = new HashMap<>();
        model.put("trackingCode", trackingCode);
        return issue(caseNo, NoticeType.ACKNOWLEDGMENT, model);
    }

    /** 予以公开 reply (Art. 36(2)). */
    @Transactional
    public Notice issueDisclosureReply(String caseNo, String details, String reasoning) {
        ApplicationCase c = caseFiles.get(caseNo);
        Map<String, Object> model = new HashMap<>();
        model.put("details", blankToNull(details));
        model.put("reasoning", blankToNull(reasoning));
        model.put("deliveryText", deliveryText(c.delivery()));
        return issue(caseNo, NoticeType.REPLY_DISCLOSED, model);
    }

    /** 延期告知书 (Art. 33(2)): the new due date, the reason and that the head approved it. */
    @Transactional
    public Notice issueExtension(String caseNo, int days, String reason) {
        Map<String, Object> model = new HashMap<>();
        model.put("extensionDays", days);
        model.put("actName", "延期决定");
        model.put("reason", blankToNull(reason));
        return issue(caseNo, NoticeType.EXTENSION, model);
    }

    /** Renders without storing or sending: for previews and the benchmark. */
    public byte[] preview(ApplicationCase c, NoticeType type, Map<String, Object> extra) {
        return renderer.render(templates.notice(type.template(), model(c, type, extra)), type.title());
    }

    private Notice issue(String caseNo, NoticeType type, Map<String, Object> extra) {
        ApplicationCase c = caseFiles.get(caseNo);
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> model = model(c, type, extra);
        byte[] pdf = renderer.render(templates.notice(type.template(), model), type.title());
        long id = notices.insert(c.id(), type, today, clock.instant(), pdf);
        caseFiles.recordEvent(caseNo, "NOTICE_ISSUED", "notice", null, type.name(), "system",
                type.title() + "（通知编号 " + id + "）");
        if (c.email() != null) {
            String subject = type.title() + "（" + c.caseNo() + "）";
            outbox.enqueue(c.id(), c.email(), subject, templates.mail(type.template(), model), id);
        }
        return new Notice(id, c.id(), type.name(), type.title(), today);
    }

    private Map<String, Object> model(ApplicationCase c, NoticeType type, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("title", type.title());
        model.put("c", c);
        model.put("agency", agency);
        model.put("receivedOnText", chineseDate(c.receivedOn()));
        model.put("dueOnText", chineseDate(c.dueOn()));
        model.put("issuedOnText", chineseDate(LocalDate.now(clock)));
        model.putIfAbsent("trackingCode", null);
        return model;
    }

    static String deliveryText(Delivery delivery) {
        return switch (delivery) {
            case EMAIL -> "所需信息通过电子邮件随本答复书一并发送给您";
            case POST -> "所需信息将按您提供的通信地址邮寄给您";
            case PICKUP -> "请您携带本答复书和身份证明到本机关领取所需信息";
            case ONLINE -> "所需信息可凭案件编号和查询码在网上获取";
        };
    }

    public static String chineseDate(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
