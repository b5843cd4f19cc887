package cn.gov.disclosure.mail;

import java.util.Optional;

/**
 * Where the outbox finds the PDF a message carries. The notices feature provides it, so mail stays below
 * notices and knows nothing of how notices are stored.
 */
public interface AttachmentSource {

    Optional<byte[]> pdf(long noticeId);
}
