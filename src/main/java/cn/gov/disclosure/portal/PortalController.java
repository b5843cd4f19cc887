package cn.gov.disclosure.portal;

import cn.gov.disclosure.ratelimit.RateLimiter;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.correction.CorrectionService;
import cn.gov.disclosure.intake.IntakeMetrics;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.mail.MailOutbox;
import cn.gov.disclosure.notice.AgencyProfile;
import cn.gov.disclosure.notice.NoticeRepository;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.NotFoundException;

/**
 * The applicant's pages, rendered on the server: apply, receipt, follow the case with case number and
 * tracking code, download notices, send a correction (Art. 30), suggest proactive disclosure (Art. 44).
 * Tracking codes travel only in POST bodies, never in URLs. Everything typed is escaped by Thymeleaf.
 */
@Controller
public class PortalController {

    static final String NOT_FOUND = Texts.get("portal.notFound");

    private final IntakeService intake;
    private final CaseFileService caseFiles;
    private final CaseViews views;
    private final NoticeRepository notices;
    private final CorrectionService corrections;
    private final MailOutbox outbox;
    private final AgencyProfile agency;
    private final PortalSettings settings;
    private final RateLimiter limiter;
    private final IntakeMetrics intakeMetrics;

    public PortalController(IntakeService intake, CaseFileService caseFiles, CaseViews views, NoticeRepository notices,
                            CorrectionService corrections, MailOutbox outbox, AgencyProfile agency,
                            PortalSettings settings, RateLimiter limiter, IntakeMetrics intakeMetrics) {
        this.intake = intake;
        this.caseFiles = caseFiles;
        this.views = views;
        this.notices = notices;
        this.corrections = corrections;
        this.outbox = outbox;
        this.agency = agency;
        this.settings = settings;
        this.limiter = limiter;
        this.intakeMetrics = intakeMetrics;
    }

    @ModelAttribute
    void common(Model model, @RequestParam(name = "large", required = false) String large,
                HttpServletRequest request) {
        // Toggling the text size from a page reached by POST goes back to its GET form.
        model.addAttribute("currentPath", request.getRequestURI().startsWith("/track") ? "/track"
                : request.getRequestURI().startsWith("/apply") ? "/apply" : "/");
        model.addAttribute("agency", agency);
        model.addAttribute("guide", settings.guide());
        model.addAttribute("large", "1".equals(large));
    }

    @GetMapping("/")
    public String home() {
        return "portal/home";
    }

    @GetMapping("/apply")
    public String applyForm(Model model) {
        model.addAttribute("form", new ApplyForm());
        model.addAttribute("errors", Map.of());
        return "portal/apply";
    }

    /** Most item rows the page offers (disclosure.items.max). */
    @org.springframework.beans.factory.annotation.Value("${disclosure.items.max:30}")
    int maxItems = 30;

    /** 增加一项 / 删除第N项: the page comes back with one row more or less, nothing is submitted (no JavaScript). */
    @PostMapping(value = "/apply", params = "addItem")
    public String addItem(@ModelAttribute("form") ApplyForm form, Model model) {
        if (form.rows() < maxItems) {
            form.addRow();
        } else {
            model.addAttribute("formError", Texts.get("portal.apply.tooManyItems", maxItems));
        }
        model.addAttribute("errors", Map.of());
        model.addAttribute("focusItem", form.rows());
        return "portal/apply";
    }

    @PostMapping(value = "/apply", params = "removeItem")
    public String removeItem(@ModelAttribute("form") ApplyForm form, @RequestParam int removeItem, Model model) {
        form.removeRow(removeItem);
        model.addAttribute("errors", Map.of());
        model.addAttribute("message", Texts.get("portal.apply.itemRemoved", removeItem));
        return "portal/apply";
    }

    @PostMapping("/apply")
    public String apply(@ModelAttribute("form") ApplyForm form, Model model, HttpServletRequest request,
                        RedirectAttributes redirect) {
        if (!limiter.tryAcquire(RateLimiter.Kind.SUBMISSION, request.getRemoteAddr())) {
            intakeMetrics.refused(IntakeMetrics.Refusal.RATE_LIMITED);
            model.addAttribute("errors", Map.of());
            model.addAttribute("formError", Texts.get("portal.apply.tooFrequent"));
            return "portal/apply";
        }
        try {
            IntakeService.Receipt receipt = intake.submit(form.toSubmission(), "applicant", false);
            redirect.addFlashAttribute("receipt", receipt);
            return "redirect:/apply/done";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", byField(e));
            model.addAttribute("formError", Texts.get("portal.apply.invalid"));
            form.dropBlankRows();
            return "portal/apply";
        }
    }

    @GetMapping("/apply/done")
    public String receipt(Model model) {
        return model.containsAttribute("receipt") ? "portal/receipt" : "redirect:/track";
    }

    @GetMapping("/track")
    public String trackForm() {
        return "portal/track";
    }

    @PostMapping("/track")
    public String track(@RequestParam(required = false) String caseNo, @RequestParam(required = false) String trackingCode,
                        Model model, HttpServletRequest request) {
        return showCase(caseNo, trackingCode, model, request, null);
    }

    @PostMapping(value = "/track/notice", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> notice(@RequestParam String caseNo, @RequestParam String trackingCode,
                                         @RequestParam long noticeId, HttpServletRequest request) {
        if (!limiter.tryAcquire(RateLimiter.Kind.LOOKUP, request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build();
        }
        try {
            ApplicationCase c = caseFiles.getForApplicant(caseNo, trackingCode);
            byte[] pdf = notices.pdf(c.id(), noticeId).orElseThrow(NotFoundException::new);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(c.caseNo() + "-" + noticeId + ".pdf").build().toString())
                    .body(pdf);
        } catch (NotFoundException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
    }

    @PostMapping("/track/correction")
    public String correction(@RequestParam String caseNo, @RequestParam String trackingCode,
                             @RequestParam(required = false) String correctedDescription, Model model,
                             HttpServletRequest request) {
        // Counted before anything is looked up or stored: the limit also stops guessing tracking codes here.
        if (!lookupAllowed(model, request)) {
            return "portal/track";
        }
        String message;
        try {
            caseFiles.getForApplicant(caseNo, trackingCode);
            message = corrections.receiveOnline(caseNo, correctedDescription)
                    ? Texts.get("correction.online.submitted")
                    : Texts.get("correction.online.notAwaited");
        } catch (InvalidInputException e) {
            model.addAttribute("correctionError", e.errors().get(0).message());
            model.addAttribute("correctedDescription", correctedDescription);
            message = null;
        } catch (NotFoundException e) {
            message = null;
        }
        return render(caseNo, trackingCode, model, message);
    }

    /** Art. 44: the applicant suggests that information disclosed to them be published proactively. */
    @PostMapping("/track/suggest")
    public String suggest(@RequestParam String caseNo, @RequestParam String trackingCode,
                          @RequestParam(required = false) String suggestion, Model model, HttpServletRequest request) {
        if (!lookupAllowed(model, request)) {
            return "portal/track";
        }
        String message = null;
        try {
            ApplicationCase c = caseFiles.getForApplicant(caseNo, trackingCode);
            String text = suggestion == null ? "" : suggestion.strip();
            if (text.length() > 1000) {
                model.addAttribute("suggestError", Texts.get("portal.suggest.tooLong"));
            } else {
                caseFiles.recordEvent(caseNo, "PROACTIVE_DISCLOSURE_SUGGESTED", "suggestion", null, text, "applicant",
                        Texts.get("portal.suggest.event"));
                if (agency.email() != null) {
                    outbox.enqueue(c.id(), agency.email(), Texts.get("portal.suggest.mailSubject", caseNo),
                            Texts.get("portal.suggest.mailBody", caseNo, c.description(), text), null);
                }
                message = Texts.get("portal.suggest.done");
            }
        } catch (NotFoundException e) {
            message = null;
        }
        return render(caseNo, trackingCode, model, message);
    }

    private String showCase(String caseNo, String trackingCode, Model model, HttpServletRequest request,
                            String message) {
        if (!lookupAllowed(model, request)) {
            return "portal/track";
        }
        return render(caseNo, trackingCode, model, message);
    }

    private boolean lookupAllowed(Model model, HttpServletRequest request) {
        if (limiter.tryAcquire(RateLimiter.Kind.LOOKUP, request.getRemoteAddr())) {
            return true;
        }
        model.addAttribute("lookupError", Texts.get("portal.lookup.tooFrequentWithStop"));
        return false;
    }

    /** The status page after the look-up was counted. */
    private cn.gov.disclosure.records.RecordsService records;

    /** The records released with the reply, listed on the status page for download (records feature). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setRecords(cn.gov.disclosure.records.RecordsService records) {
        this.records = records;
    }

    private String render(String caseNo, String trackingCode, Model model, String message) {
        try {
            ApplicationCase c = caseFiles.getForApplicant(caseNo == null ? "" : caseNo.strip(), trackingCode);
            model.addAttribute("view", views.of(c));
            model.addAttribute("releasedFiles", records == null ? java.util.List.of() : records.releases(c.caseNo()));
            model.addAttribute("caseNo", c.caseNo());
            model.addAttribute("trackingCode", trackingCode);
            model.addAttribute("message", message);
            return "portal/status";
        } catch (NotFoundException e) {
            model.addAttribute("lookupError", NOT_FOUND);
            model.addAttribute("caseNo", caseNo);
            return "portal/track";
        }
    }

    private static final java.util.regex.Pattern ITEM_FIELD =
            java.util.regex.Pattern.compile("request\\.items\\[(\\d+)]\\.(\\w+)");

    private static Map<String, String> byField(InvalidInputException e) {
        Map<String, String> map = new LinkedHashMap<>();
        for (FieldError f : e.errors()) {
            java.util.regex.Matcher item = ITEM_FIELD.matcher(f.field());
            if (item.matches()) {
                // request.items[2].description → item3.description (the page numbers items from 1)
                map.merge("item" + (Integer.parseInt(item.group(1)) + 1) + "." + item.group(2), f.message(),
                        (a, b) -> a + "；" + b);
                continue;
            }
            String field = f.field().contains(".") ? f.field().substring(f.field().lastIndexOf('.') + 1) : f.field();
            field = "type".equals(field) ? "applicantType" : field;
            map.merge(field, f.message(), (a, b) -> a + "；" + b);
        }
        return map;
    }
}
