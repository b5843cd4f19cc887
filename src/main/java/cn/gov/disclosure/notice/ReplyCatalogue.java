package cn.gov.disclosure.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reply types of Arts. 35–39 and the grounds for withholding (Arts. 14–16), with their articles,
 * wording and annual-report rows, read from {@code templates/catalogue/replies.json} so that an agency
 * can adjust the wording without touching code.
 */
@Component
public class ReplyCatalogue {

    static final String LOCATION = "templates/catalogue/replies.json";

    /** One kind of reply. {@code annualReportRow} is null where the withholding reasons decide the row. */
    public record ReplyType(String code, String label, List<String> articles, String decision, String detailsLabel,
                            boolean detailsRequired, boolean legalReview, List<String> reasonsAllowed,
                            boolean reasonsRequired, boolean referral, boolean reconsiderationFirst,
                            String annualReportRow, boolean selectable, boolean secrecyReview) {
    }

    /** One ground for withholding, mapped to exactly one row of the annual report. */
    public record WithholdingReason(String code, String label, String article, String text, String annualReportRow) {
    }

    record Data(List<ReplyType> replyTypes, List<WithholdingReason> withholdingReasons) {
    }

    private final Map<String, ReplyType> types = new LinkedHashMap<>();
    private final Map<String, WithholdingReason> reasons = new LinkedHashMap<>();

    public ReplyCatalogue() {
        this(LOCATION);
    }

    ReplyCatalogue(String location) {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            Data data = json.readValue(in, Data.class);
            data.replyTypes().forEach(t -> types.put(t.code(), t));
            data.withholdingReasons().forEach(r -> reasons.put(r.code(), r));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the reply catalogue " + location, e);
        }
        for (ReplyType t : types.values()) {
            for (String r : t.reasonsAllowed()) {
                if (!reasons.containsKey(r)) {
                    throw new IllegalStateException("Reply type " + t.code() + " allows unknown reason " + r);
                }
            }
        }
    }

    public Optional<ReplyType> type(String code) {
        return Optional.ofNullable(code).map(types::get);
    }

    public ReplyType require(String code) {
        return type(code).orElseThrow(() -> new IllegalArgumentException("Unknown reply type " + code));
    }

    public Optional<WithholdingReason> reason(String code) {
        return Optional.ofNullable(code).map(reasons::get);
    }

    public List<ReplyType> types() {
        return List.copyOf(types.values());
    }

    public List<WithholdingReason> reasons() {
        return List.copyOf(reasons.values());
    }
}
