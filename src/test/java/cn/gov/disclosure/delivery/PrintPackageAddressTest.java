package cn.gov.disclosure.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.calendar.CalendarConfiguration;
import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.InformationForm;
import cn.gov.disclosure.notice.AgencyProfile;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.workflow.AsyncJobs;

/**
 * The print package's address label, as rendered: an address breaks only between its parts (示例市 / 人民路 / 1号),
 * never inside one — the sender's line used to end in "人民路1" with "号" alone on the next line. Checked on the
 * PDF's text lines, for the office's own short address and an applicant's address too long for one line.
 */
class PrintPackageAddressTest extends IntegrationTest {

    /** Long enough to need two lines of the label at 15 pt. */
    private static final String LONG_ADDRESS = "山东省临沂市兰山区金雀山街道金雀山路188号临沂某某科技产业园区东区12号楼2单元1501室";
    private static final String BREAKS = "(?<=[省市区县旗镇乡道路巷弄里村组号栋幢楼座室])(?![号栋幢楼座室单层])";

    @Autowired CaseFileService caseFiles;
    @Autowired NoticeService notices;
    @Autowired DeliveryRepository repository;
    @Autowired PrintPackage packages;
    @Autowired AgencyProfile agency;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;

    @Test
    void addressesOnTheLabelBreakOnlyBetweenTheirParts() throws IOException {
        LocalDate today = LocalDate.now(CalendarConfiguration.CHINA);
        ApplicationCase c = caseFiles.register(new ApplicationCase(0, null, Channel.LETTER, today,
                ApplicantType.NATURAL_PERSON, "张三", IdType.RESIDENT_ID_CARD, "11010519491231002X", null,
                "13800000000", null, LONG_ADDRESS, "276000", "2025年某路段道路拓宽工程的立项批复文件", null,
                InformationForm.PAPER, Delivery.POST, null, false, CaseStatus.RECEIVED, today.plusDays(28), null,
                null, Instant.now(), "clerk"), "clerk").caseFile();
        notices.issueExtension(c.caseNo(), 10, "需要调取档案");
        AsyncJobs.executeAll(management, runtime, c.caseNo());
        List<DeliveryRecord> rows = repository.forCase(c.id());
        assertThat(rows).isNotEmpty();
        byte[] pdf = packages.render(rows.get(rows.size() - 1).id());
        // Kept for a person to look at (target/screenshots; pdftoppm -r 80 for docs/screenshots).
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "print-package.pdf"), pdf);

        String label;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            label = stripper.getText(doc).replace(" ", "");
        }
        assertThat(label).contains("寄件人地址：").contains("收件人：张三");
        assertThat(label.lines().filter(l -> l.contains("金雀山") || l.contains("科技产业园") || l.contains("1501室")))
                .as("the long address takes more than one line").hasSizeGreaterThan(1);
        for (String address : List.of(agency.address(), LONG_ADDRESS)) {
            for (String part : Arrays.asList(address.split(BREAKS))) {
                assertThat(label).as("'" + part + "' of " + address + " on one line:\n" + label).contains(part);
            }
        }
        assertThat(label).as("the sender's address whole").contains("人民路1号");
    }
}
