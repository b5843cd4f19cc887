package cn.gov.disclosure.notice;

/**
 * Published in the transaction that issues a notice (never for drafts): the delivery feature serves it by the
 * channel the addressee chose. {@code addressee} is null for a notice to the applicant, else the third party or
 * agency a letter is addressed to; {@code email} the address an e-mail would go to (may be null).
 */
public record NoticeIssued(long caseId, String caseNo, long noticeId, NoticeType type, String addressee,
                           String email, String subject, String mailBody) {
}
