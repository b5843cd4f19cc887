package cn.gov.disclosure.casefile;

import java.time.Instant;

/** One entry of a case's history: what changed, from what to what, by whom. */
public record CaseEvent(long id, Instant occurredAt, String actor, String type, String field, String oldValue,
                        String newValue, String note) {
}
