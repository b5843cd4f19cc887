package cn.gov.disclosure.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.CalendarConfiguration;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.mail.MailOutbox;
import cn.gov.disclosure.notice.Notice;
import cn.gov.disclosure.notice.NoticeRepository;

/**
 * The e-mails carrying the applicant's notices that the delivery feature does not track (the acknowledgment),
 * read from the mail outbox (sent, failed, or still waiting). Only messages to the applicant's own address about
 * notices addressed to the applicant count, so a consultation letter's e-mail never shows.
 */
@Component
class OutboxNoticeDeliveries {

    private final CaseFileService caseFiles;
    private final NoticeRepository notices;
    private final MailOutbox outbox;

    OutboxNoticeDeliveries(CaseFileService caseFiles, NoticeRepository notices, MailOutbox outbox) {
        this.caseFiles = caseFiles;
        this.notices = notices;
        this.outbox = outbox;
    }

    List<NoticeDeliveries.DeliveryView> forCase(String caseNo) {
        ApplicationCase c = caseFiles.get(caseNo);
        if (c.email() == null) {
            return List.of();
        }
        Set<Long> applicantNotices = notices.listForCase(c.id()).stream().map(Notice::id).collect(Collectors.toSet());
        return outbox.forCase(c.id()).stream()
                .filter(m -> m.noticeId() != null && applicantNotices.contains(m.noticeId())
                        && c.email().equalsIgnoreCase(m.recipient()))
                .map(m -> new NoticeDeliveries.DeliveryView(m.noticeId(), NoticeDeliveries.Channel.EMAIL,
                        m.sentAt() == null ? null : LocalDate.ofInstant(m.sentAt(), CalendarConfiguration.CHINA), null, null,
                        "FAILED".equals(m.status())))
                .toList();
    }
}
