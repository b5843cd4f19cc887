package cn.gov.disclosure.consultation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;

/**
 * Staff record the day a consultation letter was received (Arts. 32, 34), e.g. from a signed postal receipt:
 * {@code POST /api/consultations/{id}/receipt {"receivedOn": "2026-12-01", "source": "DELIVERY_RECORD"}}
 * (source optional, default {@code CLERK}). The answer period and the waiting task follow.
 */
@RestController
public class ConsultationReceiptController {

    private final ConsultationService consultations;

    public ConsultationReceiptController(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @PostMapping("/api/consultations/{id}/receipt")
    public Map<String, Object> record(@PathVariable long id, @RequestBody Map<String, String> body) {
        LocalDate on;
        try {
            on = LocalDate.parse(String.valueOf(body.get("receivedOn")));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("receivedOn", Texts.get("consultation.error.receivedOnMissing"));
        }
        LetterReceipt source = LetterReceipt.CLERK;
        if (body.get("source") != null) {
            try {
                source = LetterReceipt.valueOf(body.get("source"));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("source", Texts.get("consultation.error.receiptSource"));
            }
            if (source.presumed()) {
                throw new InvalidInputException("source", Texts.get("consultation.error.receiptSource"));
            }
        }
        Consultation c = consultations.recordLetterReceived(id, on, source);
        return Map.of("consultationId", c.id(), "letterReceivedOn", String.valueOf(c.letterReceivedOn()),
                "receiptSource", String.valueOf(c.receiptSource()), "answerBy", c.answerBy().toString());
    }
}
