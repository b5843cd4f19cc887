package cn.gov.disclosure.intake;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/applications}: anyone may apply online; signed-in staff register other channels. */
@RestController
public class IntakeController {

    private final IntakeService intake;

    public IntakeController(IntakeService intake) {
        this.intake = intake;
    }

    @PostMapping("/api/applications")
    @ResponseStatus(HttpStatus.CREATED)
    public IntakeService.Receipt submit(@RequestBody(required = false) ApplicationSubmission submission,
                                        Authentication auth) {
        boolean staff = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        return intake.submit(submission, staff ? auth.getName() : "applicant", staff);
    }
}
