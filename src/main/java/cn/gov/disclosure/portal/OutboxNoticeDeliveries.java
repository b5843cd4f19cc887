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
 * The deliveries that exist today: the e-mail carrying each of the applicant's notices, read from the mail
 * outbox (sent, failed, or still waiting). Only messages to the applicant's own address about notices addressed
 * to the applicant count, so a consultation letter's e-mail never shows. Replaced by a {@code @Primary}
 * {@link NoticeDeliveries} from the delivery feature, which also knows post and collection.
 */
@Component
class OutboxNoticeDeliveries implements NoticeDeliveries {

    private final CaseFileService caseFiles;
    private final NoticeRepository notices;
    private final MailOutbox outbox;

    OutboxNoticeDeliveries(CaseFileService caseFiles, NoticeRepository notices, MailOutbox outbox) {
        this.caseFiles = caseFiles;
        this.notices = notices;
        this.outbox = outbox;
    }

    @Override
    public List<DeliveryView> forCase(String caseNo) {
        ApplicationCase c = caseFiles.get(caseNo);
        if (c.email() == null) {
            return List.of();
        }
        Set<Long> applicantNotices = notices.listForCase(c.id()).stream().map(Notice::id).collect(Collectors.toSet());
        return outbox.forCase(c.id()).stream()
                .filter(m -> m.noticeId() != null && applicantNotices.contains(m.noticeId())
                        && c.email().equalsIgnoreCase(m.recipient()))
                .map(m -> new DeliveryView(m.noticeId(), Channel.EMAIL,
                        m.sentAt() == null ? null : LocalDate.ofInstant(m.sentAt(), CalendarConfiguration.CHINA), null, null,
                        "FAILED".equals(m.status())))
                .toList();
    }
}
