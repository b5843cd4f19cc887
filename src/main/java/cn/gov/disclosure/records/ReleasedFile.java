package cn.gov.disclosure.records;

/** A file that went to the applicant with the reply: name, pages (null for office files), SHA-256, content. */
public record ReleasedFile(String name, Integer pages, String sha256, byte[] bytes) {
}
