package cn.gov.disclosure.items;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.CaseEvent;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseRepository;
import cn.gov.disclosure.workflow.TestApplications;

/** Several requested items over HTTP: intake, the applicant's view, and staff splitting and merging them. */
class ItemsApiTest extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired CaseRepository cases;
    @Autowired CaseFileService caseFiles;
    @Autowired CaseItems items;

    private static final String THREE_ITEMS = TestApplications.DESIGN_EXAMPLE_JSON.replace(
            "\"description\": \"2025年临沂市某路段道路拓宽工程的立项批复文件\",\n    \"documentNumber\": null,",
            """
            "items": [
                  {"description": "2025年临沂市某路段道路拓宽工程的立项批复文件", "documentNumber": "临发改〔2025〕12号"},
                  {"description": "该工程的环境影响评价批复", "documentNumber": null},
                  {"description": "该工程的所有材料以及相关的会议情况", "documentNumber": null}
                ],""");

    private ResponseEntity<Map> post(String json) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/applications", new HttpEntity<>(json, h), Map.class);
    }

    private <T> ResponseEntity<T> staff(HttpMethod method, String path, Object body, Class<T> type) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("clerk", "demo").exchange(path, method, new HttpEntity<>(body, h), type);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    void threeItemsAreReceivedNumberedAndShownToTheApplicantWithoutOutcomes() {
        assertThat(THREE_ITEMS).contains("\"items\"");
        ResponseEntity<Map> r = post(THREE_ITEMS);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) r.getBody().get("caseNo");
        String code = (String) r.getBody().get("trackingCode");

        Map<?, ?> view = http.getForObject("/api/applications/" + caseNo + "?trackingCode=" + code, Map.class);
        List<Map<String, Object>> shown = list(view.get("items"));
        assertThat(shown).extracting(m -> m.get("no")).containsExactly(1, 2, 3);
        assertThat(shown.get(1)).containsEntry("description", "该工程的环境影响评价批复").containsEntry("outcome", null);
        assertThat(items.list(caseNo).get(0).documentNumber()).isEqualTo("临发改〔2025〕12号");
        assertThat(caseFiles.get(caseNo).description()).startsWith("1. 2025年").contains("\n2. 该工程的环境影响评价批复");
    }

    @Test
    void aLoneDescriptionIsStillOneItem() {
        ResponseEntity<Map> r = post(TestApplications.DESIGN_EXAMPLE_JSON);
        String caseNo = (String) r.getBody().get("caseNo");
        assertThat(items.list(caseNo)).extracting(CaseItem::no, CaseItem::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "2025年临沂市某路段道路拓宽工程的立项批复文件"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void badItemsAreNamedByNumberAndNothingIsStored() {
        long before = cases.count();
        String json = THREE_ITEMS.replace("该工程的环境影响评价批复", "那个").replace("\"documentNumber\": \"临发改〔2025〕12号\"",
                "\"documentNumber\": \"" + "号".repeat(101) + "\"");
        ResponseEntity<Map> r = post(json);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<Map<String, String>> errors = (List<Map<String, String>>) r.getBody().get("errors");
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo("request.items[1].description");
            assertThat(e.get("message")).contains("第2项 申请内容");
        });
        assertThat(errors).anySatisfy(e -> assertThat(e.get("message")).contains("第1项 文号"));
        assertThat(cases.count()).isEqualTo(before);

        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 31; i++) {
            many.append(i == 1 ? "" : ",").append("{\"description\": \"某工程第").append(i).append("批文件\"}");
        }
        r = post(TestApplications.DESIGN_EXAMPLE_JSON.replace(
                "\"description\": \"2025年临沂市某路段道路拓宽工程的立项批复文件\",", "\"items\": [" + many + "],"));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(((List<Map<String, String>>) r.getBody().get("errors")).get(0).get("message")).contains("最多30项");
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void staffSplitAVagueItemAndMergeDuplicatesAsEventsWithOldAndNewValues() {
        String caseNo = (String) post(THREE_ITEMS).getBody().get("caseNo");

        ResponseEntity<Map> split = staff(HttpMethod.POST, "/api/staff/cases/" + caseNo + "/items/3/split",
                Map.of("parts", List.of(Map.of("description", "该工程2025年的施工许可证"),
                        Map.of("description", "该工程开工协调会的会议纪要"),
                        Map.of("description", "该工程环境影响评价的批复文件"))), Map.class);
        assertThat(split.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(split.getBody().get("created")).isEqualTo(List.of(4, 5, 6));

        // Item 6 repeats item 2: merged, and 2 keeps its number.
        ResponseEntity<String> merge = staff(HttpMethod.POST, "/api/staff/cases/" + caseNo + "/items/merge",
                Map.of("keep", 2, "duplicates", List.of(6)), String.class);
        assertThat(merge.getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(items.list(caseNo)).extracting(CaseItem::no, CaseItem::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, ItemState.OPEN), org.assertj.core.groups.Tuple.tuple(2, ItemState.OPEN),
                org.assertj.core.groups.Tuple.tuple(3, ItemState.SPLIT), org.assertj.core.groups.Tuple.tuple(4, ItemState.OPEN),
                org.assertj.core.groups.Tuple.tuple(5, ItemState.OPEN), org.assertj.core.groups.Tuple.tuple(6, ItemState.MERGED));
        assertThat(items.find(caseNo, 3).orElseThrow().replacedBy()).containsExactly(4, 5, 6);
        assertThat(items.find(caseNo, 6).orElseThrow().replacedBy()).containsExactly(2);
        assertThat(items.find(caseNo, 4).orElseThrow().derivedFrom()).containsExactly(3);

        List<CaseEvent> events = caseFiles.events(caseNo);
        CaseEvent splitEvent = events.stream().filter(e -> e.type().equals("ITEM_SPLIT")).findFirst().orElseThrow();
        assertThat(splitEvent.field()).isEqualTo("item.3");
        assertThat(splitEvent.oldValue()).isEqualTo("第3项：该工程的所有材料以及相关的会议情况");
        assertThat(splitEvent.newValue()).contains("第4项：该工程2025年的施工许可证").contains("第6项：该工程环境影响评价的批复文件");
        assertThat(splitEvent.actor()).isEqualTo("clerk");
        CaseEvent mergeEvent = events.stream().filter(e -> e.type().equals("ITEMS_MERGED")).findFirst().orElseThrow();
        assertThat(mergeEvent.oldValue()).contains("第2项：该工程的环境影响评价批复").contains("第6项：该工程环境影响评价的批复文件");
        assertThat(mergeEvent.newValue()).isEqualTo("第2项：该工程的环境影响评价批复");

        // A retired item cannot be split again; a split into one part is refused; both in Chinese naming the item.
        ResponseEntity<Map> again = staff(HttpMethod.POST, "/api/staff/cases/" + caseNo + "/items/3/split",
                Map.of("parts", List.of(Map.of("description", "某某文件一"), Map.of("description", "某某文件二"))), Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getBody().toString()).contains("第3项已拆分或合并");
        ResponseEntity<Map> one = staff(HttpMethod.POST, "/api/staff/cases/" + caseNo + "/items/1/split",
                Map.of("parts", List.of(Map.of("description", "某某文件一"))), Map.class);
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(one.getBody().toString()).contains("至少须列出两项");

        // The applicant sees where the split and merged items went.
        assertThat(items.summary(caseNo)).startsWith("共4项：");
    }

    @Test
    void aNotHeldDecisionIsStoredButTheReplyWaitsForTheSearchRecord() {
        String caseNo = (String) post(THREE_ITEMS).getBody().get("caseNo");
        for (int no = 1; no <= 3; no++) {
            ResponseEntity<Map> d = staff(HttpMethod.PUT, "/api/staff/cases/" + caseNo + "/items/" + no + "/decision",
                    Map.of("replyType", "NOT_HELD", "reasoning", "经检索本机关各系统，未找到该信息。"), Map.class);
            assertThat(d.getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(items.problemsBeforeReply(caseNo)).hasSize(3)
                .allSatisfy(p -> assertThat(p).contains("没有检索记录"))
                .first().asString().startsWith("第1项");

        ResponseEntity<Map> bad = staff(HttpMethod.PUT, "/api/staff/cases/" + caseNo + "/items/2/search",
                Map.of("places", "公文系统"), Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("第2项 检索关键词").contains("第2项 检索人").contains("第2项 检索日期");

        ResponseEntity<Map> ok = staff(HttpMethod.PUT, "/api/staff/cases/" + caseNo + "/items/2/search",
                Map.of("places", "公文系统、档案室", "keywords", "环境影响评价", "searchedOn", caseFiles.today().toString(),
                        "searchedBy", "clerk"), Map.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(items.problemsBeforeReply(caseNo)).hasSize(2).noneMatch(p -> p.startsWith("第2项"));

        // A decision only the clerk group may make; an unknown type is named by item.
        ResponseEntity<String> legal = http.withBasicAuth("legal", "demo").exchange(
                "/api/staff/cases/" + caseNo + "/items/1/decision", HttpMethod.PUT,
                new HttpEntity<>(Map.of("replyType", "DISCLOSED")), String.class);
        assertThat(legal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> unknown = staff(HttpMethod.PUT, "/api/staff/cases/" + caseNo + "/items/1/decision",
                Map.of("replyType", "MAYBE"), Map.class);
        assertThat(unknown.getBody().toString()).contains("第1项 答复类型");
    }

    @Test
    void theStaffPageShowsEveryItemAndSavesADecisionPostedFromIt() {
        String caseNo = (String) post(THREE_ITEMS).getBody().get("caseNo");
        ResponseEntity<String> page = http.withBasicAuth("clerk", "demo").getForEntity(
                "/staff/cases/" + caseNo + "/items", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("第1项").contains("该工程的环境影响评价批复").contains("第3项尚未作出答复意见");

        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("replyType", "NOT_DISCLOSED");
        form.add("reasonCodes", "PROCESS_INFORMATION");
        form.add("reasonCodes", "INTERNAL_AFFAIRS");
        form.add("reasoning", "该记录属于讨论过程中形成的过程性信息。");
        ResponseEntity<String> saved = http.withBasicAuth("clerk", "demo").postForEntity(
                "/staff/cases/" + caseNo + "/items/3/decision", new HttpEntity<>(form, h), String.class);
        // Post/redirect/get: back on the page (the test client follows the redirect).
        assertThat(saved.getStatusCode().is2xxSuccessful() || saved.getStatusCode().is3xxRedirection()).isTrue();
        ItemDecision d = items.find(caseNo, 3).orElseThrow().decision();
        assertThat(d.replyType()).isEqualTo("NOT_DISCLOSED");
        assertThat(d.reasonCodes()).containsExactly("PROCESS_INFORMATION", "INTERNAL_AFFAIRS");
        assertThat(d.decidedBy()).isEqualTo("clerk");
        CaseEvent e = caseFiles.events(caseNo).stream().filter(x -> x.type().equals("ITEM_DECIDED")).findFirst()
                .orElseThrow();
        assertThat(e.oldValue()).isNull();
        assertThat(e.newValue()).contains("不予公开").contains("属于四类过程性信息");

        // Without signing in the page is closed.
        assertThat(http.getForEntity("/staff/cases/" + caseNo + "/items", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
