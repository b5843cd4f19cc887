package cn.gov.disclosure.items;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.notice.ReplyCatalogue;

/**
 * Staff handle the items of a case: a JSON API ({@code /api/staff/cases/{caseNo}/items…}) and a page
 * ({@code /staff/cases/{caseNo}/items}) linked from the 拟定答复意见 task, which opens in the clerk's Tasklist
 * session. Camunda forms have no repeatable groups; a page of plain forms, one per item, lets a clerk decide
 * thirty items with their search records without a second sign-in. Changes need the clerk group (or admin).
 */
@Controller
public class StaffItemsController {

    private static final List<String> MAY_CHANGE = List.of("GROUP_clerk", "GROUP_camunda-admin");

    private final CaseItems items;
    private final CaseFileService caseFiles;
    private final ReplyCatalogue catalogue;

    public StaffItemsController(CaseItems items, CaseFileService caseFiles, ReplyCatalogue catalogue) {
        this.items = items;
        this.caseFiles = caseFiles;
        this.catalogue = catalogue;
    }

    // ---- The page linked from Tasklist ----------------------------------------------------------------------

    @Operation(summary = "Items page of a case (HTML): per-item decisions, search records, split and merge")
    @GetMapping("/staff/cases/{caseNo}/items")
    public String page(@PathVariable String caseNo, Model model, Authentication auth) {
        model.addAttribute("me", auth == null ? null : auth.getName());
        model.addAttribute("c", caseFiles.find(caseNo).orElseThrow(cn.gov.disclosure.common.NotFoundException::new));
        model.addAttribute("items", items.list(caseNo));
        model.addAttribute("types", catalogue.types().stream().filter(ReplyCatalogue.ReplyType::selectable).toList());
        model.addAttribute("reasons", catalogue.reasons());
        model.addAttribute("problems", items.problemsBeforeReply(caseNo));
        model.addAttribute("searchRequired", catalogue.types().stream().map(ReplyCatalogue.ReplyType::code)
                .filter(items::searchRecordRequired).toList());
        model.addAttribute("today", caseFiles.today());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return "staff/items";
    }

    @Operation(summary = "Record an item's decision (form post)")
    @PostMapping("/staff/cases/{caseNo}/items/{no}/decision")
    public String decideOnPage(@PathVariable String caseNo, @PathVariable int no,
                               @RequestParam MultiValueMap<String, String> form, Authentication auth,
                               RedirectAttributes redirect) {
        String actor = actor(auth);
        List<String> reasons = form.getOrDefault("reasonCodes", List.of());
        return onPage(caseNo, no, redirect, () -> items.decide(caseNo, no, new ItemDecision(form.getFirst("replyType"),
                reasons, form.getFirst("reasoning"), form.getFirst("details"), form.getFirst("referralAgency"),
                form.getFirst("referralContact"), actor, null), actor), Texts.get("items.page.decided", no));
    }

    @Operation(summary = "Record an item's search record (form post)")
    @PostMapping("/staff/cases/{caseNo}/items/{no}/search")
    public String searchOnPage(@PathVariable String caseNo, @PathVariable int no,
                               @RequestParam MultiValueMap<String, String> form, Authentication auth,
                               RedirectAttributes redirect) {
        String actor = actor(auth);
        return onPage(caseNo, no, redirect, () -> items.recordSearch(caseNo, no, new SearchRecord(form.getFirst("places"),
                form.getFirst("keywords"), date(form.getFirst("searchedOn"), no), form.getFirst("searchedBy")), actor),
                Texts.get("items.page.searchRecorded", no));
    }

    @Operation(summary = "Split a vague item (form post)")
    @PostMapping("/staff/cases/{caseNo}/items/{no}/split")
    public String splitOnPage(@PathVariable String caseNo, @PathVariable int no, @RequestParam String parts,
                              Authentication auth, RedirectAttributes redirect) {
        // One new item per non-empty line.
        List<ItemRequest> list = new ArrayList<>();
        for (String line : parts.split("\\R")) {
            if (!line.isBlank()) {
                list.add(new ItemRequest(line.strip(), null));
            }
        }
        String actor = actor(auth);
        return onPage(caseNo, no, redirect, () -> items.split(caseNo, no, list, actor),
                Texts.get("items.page.split", no));
    }

    @Operation(summary = "Merge duplicate items (form post)")
    @PostMapping("/staff/cases/{caseNo}/items/merge")
    public String mergeOnPage(@PathVariable String caseNo, @RequestParam(required = false) Integer keep,
                              @RequestParam(required = false) List<Integer> duplicates,
                              @RequestParam(required = false) String description, Authentication auth,
                              RedirectAttributes redirect) {
        String actor = actor(auth);
        return onPage(caseNo, keep == null ? 0 : keep, redirect, () -> {
            if (keep == null) {
                throw new InvalidInputException(FieldError.of("keep", "items.merge.keepMissing"));
            }
            items.merge(caseNo, keep, duplicates, description, actor);
        }, Texts.get("items.page.merged"));
    }

    private String onPage(String caseNo, int no, RedirectAttributes redirect, Runnable change, String done) {
        try {
            change.run();
            redirect.addFlashAttribute("message", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors().stream().map(FieldError::message).toList());
        }
        // Back to the page (post/redirect/get), at the item just handled.
        return "redirect:/staff/cases/" + caseNo + "/items" + (no > 0 ? "#item-" + no : "");
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(cn.gov.disclosure.common.NotFoundException.class)
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NOT_FOUND)
    @ResponseBody
    public String notFound() {
        return Texts.get("items.page.notFound");
    }

    private static LocalDate date(String text, int no) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(FieldError.of("searchedOn", "items.search.dateFormat", no));
        }
    }

    /** The signed-in member of staff who may change items. */
    static String actor(Authentication auth) {
        if (auth == null || auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(MAY_CHANGE::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, Texts.get("items.forbidden"));
        }
        return auth.getName();
    }
}
