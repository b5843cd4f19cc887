package cn.gov.disclosure.mail;

import java.util.List;

/**
 * Further files a notice's e-mail carries besides the notice PDF (the records released with a reply). Provided by
 * the records feature, so mail knows nothing of how records are stored.
 */
public interface MailAttachments {

    /** One file: name as the recipient sees it, media type, content. */
    record Attachment(String name, String mediaType, byte[] content) {
    }

    List<Attachment> forNotice(long noticeId);
}
