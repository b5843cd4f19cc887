package cn.gov.disclosure.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.items.CaseItems;
import cn.gov.disclosure.items.ItemRequest;
import cn.gov.disclosure.items.ItemState;
import cn.gov.disclosure.workflow.AsyncJobs;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * Records stay bound to items the reply answers: no upload to an item that does not exist or was split or merged
 * away; a merge takes the duplicate's files to the item kept; a split of an item with files is refused, naming
 * them; a retired or unknown item releases nothing.
 */
class RecordsItemsTest extends IntegrationTest {

    @Autowired RecordsService records;
    @Autowired IntakeService intake;
    @Autowired CaseItems items;
    @Autowired CaseFileService caseFiles;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ItemOutcomes outcomes;
    @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;

    private String newCase(String... descriptions) {
        String caseNo = intake.submit(TestApplications.onlineItems(descriptions), "applicant", false).caseNo();
        AsyncJobs.executeAll(management, runtime, caseNo);
        return caseNo;
    }

    private RecordFile upload(String caseNo, int item, String name, byte[] pdf) {
        return records.upload(caseNo, item, List.of(new RecordsService.Upload(name, pdf)), false, "clerk").get(0);
    }

    private static byte[] pdf(int size) throws Exception {
        return ImagePdf.toPdf(new java.awt.image.BufferedImage(size, size, java.awt.image.BufferedImage.TYPE_INT_RGB));
    }

    private List<String> eventTypes(String caseNo) {
        return caseFiles.events(caseNo).stream().map(e -> e.type()).toList();
    }

    @Test
    void noUploadToAnItemThatDoesNotExistOrWasRetired() throws Exception {
        String caseNo = newCase("2025年某路段拓宽工程的立项批复", "该工程的环境影响评价报告", "该工程的征收补偿方案");
        assertThatThrownBy(() -> upload(caseNo, 4, "批复.pdf", pdf(20))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("事项序号").hasMessageContaining("没有第 4 项");
        List<Integer> parts = items.split(caseNo, 3, List.of(new ItemRequest("征收补偿方案（正文）", null),
                new ItemRequest("征收补偿方案的批准文件", null)), "clerk");
        assertThat(parts).containsExactly(4, 5);
        assertThatThrownBy(() -> upload(caseNo, 3, "补偿方案.pdf", pdf(21))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("事项序号").hasMessageContaining("第 3 项已拆分或合并").hasMessageContaining("第 4、5 项");
        assertThat(records.records(caseNo)).isEmpty();
        assertThat(upload(caseNo, 4, "补偿方案.pdf", pdf(21)).itemNo()).isEqualTo(4);

        // A retired or unknown item is not answered: whatever the case's reply type, nothing of it goes out.
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        runtime.setVariable(pi, "replyType", "DISCLOSED");
        assertThat(outcomes.outcome(caseNo, 3)).isEmpty();
        assertThat(outcomes.outcome(caseNo, 9)).isEmpty();
        assertThat(outcomes.outcome(caseNo, 4)).contains("DISCLOSED");
    }

    @Test
    void aMergeTakesTheFilesAlongAndASplitOfAnItemWithFilesIsRefused() throws Exception {
        String caseNo = newCase("2025年某路段拓宽工程的立项批复", "某路段拓宽工程立项批复文件", "该工程的征收补偿方案");
        byte[] same = pdf(30);
        upload(caseNo, 1, "立项批复.pdf", same);
        RecordFile second = upload(caseNo, 2, "批复扫描件.pdf", pdf(31));
        upload(caseNo, 2, "批复副本.pdf", same);

        // Split refused while the item holds files: the clerk is told which, and nothing changes.
        assertThatThrownBy(() -> items.split(caseNo, 2, List.of(new ItemRequest("立项批复正文", null),
                new ItemRequest("立项批复附件", null)), "clerk")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("第2项已上传2份文件").hasMessageContaining("批复扫描件.pdf")
                .hasMessageContaining("不能拆分");
        assertThat(items.find(caseNo, 2).orElseThrow().state()).isEqualTo(ItemState.OPEN);

        // Merge: item 2's files now answer under item 1; the same content twice is kept once.
        items.merge(caseNo, 1, List.of(2), null, "clerk");
        assertThat(records.records(caseNo)).extracting(RecordFile::itemNo).containsOnly(1);
        assertThat(records.records(caseNo)).extracting(RecordFile::fileName)
                .containsExactlyInAnyOrder("立项批复.pdf", "批复扫描件.pdf");
        assertThat(records.require(second.id()).itemNo()).isEqualTo(1);
        assertThat(eventTypes(caseNo)).contains("ITEMS_MERGED", "RECORD_MOVED", "RECORD_REMOVED");
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> e.type().equals("RECORD_MOVED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.oldValue()).isEqualTo("2");
                    assertThat(e.newValue()).isEqualTo("1");
                });
    }

    /** 部分公开 with nothing uploaded would give the applicant nothing: it needs a file or a recorded reason. */
    @Test
    void aPartialItemNeedsAFileOrAReasonWhyThereIsNone() {
        String caseNo = intake.submit(TestApplications.online("2025年某路段拓宽工程的征收补偿协议"), "applicant", false)
                .caseNo();
        AsyncJobs.executeAll(management, runtime, caseNo);
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        runtime.setVariable(pi, "replyType", "PARTIALLY_DISCLOSED");
        assertThat(records.redactionProblems(caseNo)).singleElement().asString().contains("第 1 项")
                .contains("没有上传提供给申请人的文件");
        assertThatThrownBy(() -> records.approve(caseNo, "secrecy")).isInstanceOf(InvalidInputException.class);

        assertThatThrownBy(() -> records.explainNoFiles(caseNo, 1, "纸".repeat(501), "clerk"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("没有电子文件的原因");
        assertThatThrownBy(() -> records.explainNoFiles(caseNo, 2, "仅有纸质件", "clerk"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("没有第 2 项");
        String reason = "信息仅有纸质件，以遮盖后的纸质复印件提供";
        records.explainNoFiles(caseNo, 1, reason, "clerk");
        assertThat(records.redactionProblems(caseNo)).isEmpty();
        assertThat(records.noFilesReasons(caseNo)).containsEntry(1, reason);
        assertThat(caseFiles.events(caseNo)).filteredOn(e -> e.type().equals("RECORDS_NONE_EXPLAINED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.oldValue()).isNull();
                    assertThat(e.newValue()).isEqualTo(reason);
                    assertThat(e.actor()).isEqualTo("clerk");
                });
        // The records page shows the reason.
        assertThat(http.withBasicAuth("clerk", "demo").getForObject("/staff/records/cases/" + caseNo, String.class))
                .contains("没有电子文件的事项").contains(reason);

        // Withdrawn: the reply is held again.
        records.explainNoFiles(caseNo, 1, " ", "clerk");
        assertThat(records.redactionProblems(caseNo)).singleElement().asString().contains("第 1 项");
    }
}
