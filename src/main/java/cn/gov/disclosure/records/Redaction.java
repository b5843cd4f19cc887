package cn.gov.disclosure.records;

import java.time.Instant;

/** One cut on a record: page from 1, rectangle in points from the page's top left corner, its ground. */
public record Redaction(long id, long recordId, int page, double x, double y, double width, double height,
                        String foundText, String ground, String createdBy, Instant createdAt) {
}
