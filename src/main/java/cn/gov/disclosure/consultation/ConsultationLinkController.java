package cn.gov.disclosure.consultation;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.gov.disclosure.common.Texts;

/**
 * The page a consulted agency opens from its e-mail (Art. 34): no login, an unguessable token that works
 * once and expires after the answer day. A used, expired or unknown link gets the same 410 page.
 */
@Controller
public class ConsultationLinkController {

    static final int OPINION_MAX = 2000;

    private final ConsultationService consultations;
    private final java.time.Clock clock;

    public ConsultationLinkController(ConsultationService consultations, java.time.Clock clock) {
        this.consultations = consultations;
        this.clock = clock;
    }

    @GetMapping("/consultation/{token}")
    public String form(@PathVariable String token, Model model) {
        Consultation c = consultations.usableByToken(token).orElseThrow(ConsultationLinkController::gone);
        // Opening the link shows the letter has arrived (Art. 34): it replaces a presumed receipt day.
        c = consultations.recordLetterReceived(c.id(), java.time.LocalDate.now(clock), LetterReceipt.LINK_OPENED);
        model.addAttribute("c", c);
        return "consultation";
    }

    @PostMapping("/consultation/{token}")
    public String answer(@PathVariable String token, @RequestParam(required = false) String outcome,
                         @RequestParam(required = false) String opinion, Model model) {
        Consultation c = consultations.usableByToken(token).orElseThrow(ConsultationLinkController::gone);
        String cleanOpinion = opinion == null || opinion.isBlank() ? null : opinion.strip();
        String error = null;
        if (!"AGREES".equals(outcome) && !"OBJECTS".equals(outcome)) {
            error = Texts.get("consultation.link.outcomeMissing");
        } else if ("OBJECTS".equals(outcome) && cleanOpinion == null) {
            error = Texts.get("consultation.link.opinionMissing");
        } else if (cleanOpinion != null && cleanOpinion.length() > OPINION_MAX) {
            error = Texts.get("consultation.link.opinionTooLong", OPINION_MAX);
        }
        if (error != null) {
            model.addAttribute("c", c);
            model.addAttribute("error", error);
            model.addAttribute("opinion", opinion);
            return "consultation";
        }
        if (!consultations.answerThroughLink(token, ConsultationOutcome.valueOf(outcome), cleanOpinion)) {
            throw gone();
        }
        model.addAttribute("c", c);
        model.addAttribute("outcome", ConsultationOutcome.valueOf(outcome));
        return "consultation-done";
    }

    private static ResponseStatusException gone() {
        return new ResponseStatusException(HttpStatus.GONE, Texts.get("consultation.link.gone"));
    }
}
