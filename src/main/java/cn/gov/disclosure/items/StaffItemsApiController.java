package cn.gov.disclosure.items;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;

/**
 * The staff JSON API for the items of a case (HTTP Basic like the rest of /api): list, split, merge, decide,
 * record the search. Errors answer 400 with Chinese messages naming the item and field (web/ApiExceptionHandler).
 */
@RestController
public class StaffItemsApiController {

    private final CaseItems items;

    public StaffItemsApiController(CaseItems items) {
        this.items = items;
    }

    @GetMapping(value = "/api/staff/cases/{caseNo}/items", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<CaseItem> list(@PathVariable String caseNo) {
        return items.list(caseNo);
    }

    public record SplitRequest(List<ItemRequest> parts) {
    }

    public record MergeRequest(Integer keep, List<Integer> duplicates, String description) {
    }

    public record DecisionRequest(String replyType, List<String> reasonCodes, String reasoning, String details,
                                  String referralAgency, String referralContact) {
    }

    @PostMapping(value = "/api/staff/cases/{caseNo}/items/{no}/split", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, List<Integer>> split(@PathVariable String caseNo, @PathVariable int no,
                                            @RequestBody(required = false) SplitRequest body, Authentication auth) {
        return Map.of("created", items.split(caseNo, no, body == null ? null : body.parts(), StaffItemsController.actor(auth)));
    }

    @PostMapping(value = "/api/staff/cases/{caseNo}/items/merge", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<CaseItem> merge(@PathVariable String caseNo, @RequestBody(required = false) MergeRequest body,
                                Authentication auth) {
        if (body == null || body.keep() == null) {
            throw new InvalidInputException(FieldError.of("keep", "items.merge.keepMissing"));
        }
        items.merge(caseNo, body.keep(), body.duplicates(), body.description(), StaffItemsController.actor(auth));
        return items.list(caseNo);
    }

    @PutMapping(value = "/api/staff/cases/{caseNo}/items/{no}/decision", produces = MediaType.APPLICATION_JSON_VALUE)
    public CaseItem decide(@PathVariable String caseNo, @PathVariable int no,
                           @RequestBody(required = false) DecisionRequest body, Authentication auth) {
        DecisionRequest d = body == null ? new DecisionRequest(null, null, null, null, null, null) : body;
        String actor = StaffItemsController.actor(auth);
        items.decide(caseNo, no, new ItemDecision(d.replyType(), d.reasonCodes(), d.reasoning(), d.details(),
                d.referralAgency(), d.referralContact(), actor, null), actor);
        return items.find(caseNo, no).orElseThrow();
    }

    @PutMapping(value = "/api/staff/cases/{caseNo}/items/{no}/search", produces = MediaType.APPLICATION_JSON_VALUE)
    public CaseItem search(@PathVariable String caseNo, @PathVariable int no,
                           @RequestBody(required = false) SearchRecord body, Authentication auth) {
        items.recordSearch(caseNo, no, body == null ? new SearchRecord(null, null, null, null) : body, StaffItemsController.actor(auth));
        return items.find(caseNo, no).orElseThrow();
    }
}
