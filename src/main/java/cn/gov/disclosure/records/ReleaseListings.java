package cn.gov.disclosure.records;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.gov.disclosure.mail.MailAttachments;
import cn.gov.disclosure.notice.ReplyFiles;

/**
 * What the reply notice states about the records (the set as it would go out now, and what was withheld from the
 * items that release something), and which released copies ride along with the notice's e-mail.
 */
@Component
class ReleaseListings implements ReplyFiles, MailAttachments {

    private final RecordsService records;
    private final RecordSettings settings;

    ReleaseListings(RecordsService records, RecordSettings settings) {
        this.records = records;
        this.settings = settings;
    }

    @Override
    public Listing forReply(String caseNo) {
        List<RecordsService.SetEntry> set = records.releaseSet(caseNo);
        java.util.Set<Integer> releasingItems = new java.util.HashSet<>();
        set.forEach(e -> releasingItems.add(e.record().itemNo()));
        List<Withheld> withheld = records.withheld(caseNo).stream()
                .filter(w -> releasingItems.contains(w.itemNo()) || records.releasesItem(caseNo, w.itemNo()))
                .map(w -> new Withheld(w.itemNo(), w.fileName(), w.what(), w.groundLabel(), w.article())).toList();
        List<File> files = set.stream().map(e -> new File(e.record().itemNo(), e.fileName(), e.pages(), e.sha256()))
                .toList();
        // Drafted before the notice exists: the channel its delivery will take.
        boolean byMail = records.attachable(caseNo, null, set);
        return new Listing(files, withheld, (int) settings.downloadPeriod().toDays(), byMail);
    }

    @Override
    public List<Attachment> forNotice(long noticeId) {
        return records.releasesOfNotice(noticeId).stream().filter(RecordRepository.Release::byMail)
                .map(r -> new Attachment(r.fileName(), mediaType(r.fileName()), records.copyContent(r.copyId())))
                .toList();
    }

    private static String mediaType(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".pdf")) {
            return "application/pdf";
        }
        return "application/octet-stream";
    }
}
