package cn.gov.disclosure.acknowledgment;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.CacheControl;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /staff/receipts/recent} (staff; opens with the Tasklist sign-in, linked from the start form 收到申请):
 * the receipts of the applications the signed-in member of staff registered lately, each with its case number and
 * a link to the printable 受理回执 (case number, tracking code, status page). The one place a clerk finds the receipt
 * whatever way the case went on: a defective letter goes straight to 等待申请人补正 and an on-the-spot reply
 * straight to 归档, neither through 审查申请内容. The tracking code is printed in the PDF only: the code is kept
 * nowhere else in readable form, and a page listing many applicants' codes at once would be one more place to leak
 * them from.
 */
@Controller
public class RecentReceiptsController {

    private final RecentRegistrations registrations;

    RecentReceiptsController(RecentRegistrations registrations) {
        this.registrations = registrations;
    }

    @Operation(summary = "The signed-in clerk's recent registrations with links to their receipts (HTML)")
    @GetMapping("/staff/receipts/recent")
    public String recent(Authentication auth, Model model, HttpServletResponse response) {
        model.addAttribute("me", auth.getName());
        model.addAttribute("days", registrations.days());
        model.addAttribute("rows", registrations.by(auth.getName()));
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        return "staff/receipts";
    }
}
