package cn.gov.disclosure.onthespot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;

/**
 * 当场答复 (Art. 33(1): answer on the spot where possible): a member of staff registering an application handed in
 * at the counter records, with the receipt, the reply given there — its type and what was said or handed over.
 * It becomes the case's reply, dated the day the application was handed in, and the reply period ends with it.
 * Only reply types that need neither legal review nor a search are allowed on the spot
 * ({@code disclosure.on-the-spot.reply-types}); anything else goes through the ordinary handling.
 */
@Service
public class OnTheSpotReplies {

    /** The case event that records the reply given at the counter. */
    public static final String EVENT = "REPLIED_ON_THE_SPOT";
    private static final String TYPE_FIELD = "onSpotReplyType";

    private final CaseFileService caseFiles;
    private final Set<String> allowedTypes;

    public OnTheSpotReplies(CaseFileService caseFiles,
                            @Value("${disclosure.on-the-spot.reply-types:ALREADY_PUBLIC,DISCLOSED,OTHER_AGENCY,PUBLISHED_MATERIAL}")
                            List<String> allowedTypes) {
        this.caseFiles = caseFiles;
        this.allowedTypes = Set.copyOf(allowedTypes);
    }

    /**
     * The reply type to record; refuses (all field errors at once, nothing stored) what cannot be answered so.
     * {@code actor} null: the member of staff who registered the case (the step runs in the job that continues the
     * intake, where nobody is signed in; the reply was given by whoever registered the application at the counter).
     */
    @Transactional
    public String record(String caseNo, String replyType, String replyGiven, String actor) {
        ApplicationCase c = caseFiles.get(caseNo);
        check(c.channel(), replyType, replyGiven);
        String type = replyType.strip();
        String text = replyGiven.strip();
        List<cn.gov.disclosure.casefile.CaseEvent> events = caseFiles.events(caseNo);
        if (events.stream().anyMatch(e -> EVENT.equals(e.type()))) {
            // Recorded at registration; the process step that follows in a job only confirms it.
            return type;
        }
        String by = actor != null ? actor : events.stream()
                .filter(e -> "REGISTERED".equals(e.type())).map(e -> e.actor()).findFirst().orElse("system");
        caseFiles.recordEvent(caseNo, EVENT, "onSpotReply", null, text, by,
                Texts.get("onthespot.event", c.receivedOn(), Texts.get("onthespot.typeLabel." + type)));
        caseFiles.recordEvent(caseNo, EVENT, TYPE_FIELD, null, type, by,
                Texts.get("onthespot.typeLabel." + type));
        return type;
    }

    /**
     * The same checks without storing anything: at registration, so the clerk's start form is refused with the
     * fields named (and nothing registered) before the case's process continues in the background.
     */
    public void check(Channel channel, String replyType, String replyGiven) {
        List<FieldError> errors = new ArrayList<>();
        if (channel != Channel.IN_PERSON) {
            errors.add(FieldError.of("repliedOnSpot", "onthespot.channel"));
        }
        String type = replyType == null ? null : replyType.strip();
        if (type == null || !allowedTypes.contains(type)) {
            errors.add(FieldError.of("onSpotReplyType", "onthespot.type", String.join("、", labels())));
        }
        String text = replyGiven == null || replyGiven.isBlank() ? null : replyGiven.strip();
        if (text == null || text.length() > 2000) {
            errors.add(FieldError.of("onSpotReply", "onthespot.text", 2000));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** What was answered at the counter, for the acknowledgment; empty if the case was not answered on the spot. */
    public record Given(String reply, String typeLabel) {
    }

    /** The reply given on the spot for this case, as recorded with the receipt (the latest, should there be two). */
    public java.util.Optional<Given> given(String caseNo) {
        ApplicationCase c = caseFiles.get(caseNo);
        List<cn.gov.disclosure.casefile.CaseEvent> events = caseFiles.events(caseNo).stream()
                .filter(e -> EVENT.equals(e.type()) && e.newValue() != null).toList();
        // The type as recorded at the counter; the case's reply type for cases recorded before it was.
        String type = events.stream().filter(e -> TYPE_FIELD.equals(e.field())).map(e -> e.newValue())
                .reduce((first, second) -> second).orElse(c.replyType());
        return events.stream().filter(e -> !TYPE_FIELD.equals(e.field())).reduce((first, second) -> second)
                .map(e -> new Given(e.newValue(), type == null || !allowedTypes.contains(type)
                        ? null : Texts.get("onthespot.typeLabel." + type)));
    }

    private List<String> labels() {
        return allowedTypes.stream().sorted().map(t -> Texts.get("onthespot.typeLabel." + t)).toList();
    }
}
