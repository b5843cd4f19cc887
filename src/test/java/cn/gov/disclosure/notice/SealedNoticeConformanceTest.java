package cn.gov.disclosure.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF over one signed notice of every type: still PDF/A-2a for the archive and PDF/UA-1 for screen readers. */
class SealedNoticeConformanceTest extends cn.gov.disclosure.IntegrationTest {

    @Autowired cn.gov.disclosure.intake.IntakeService intake;
    @Autowired cn.gov.disclosure.casefile.CaseFileService caseFiles;
    @Autowired NoticeService notices;
    @Autowired NoticeRepository repository;

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    static List<String> failures(byte[] pdf, PDFAFlavour flavour) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            assertThat(result.getPDFAFlavour()).isEqualTo(flavour);
            if (!result.isCompliant() && result.getTestAssertions().isEmpty()) {
                return List.of("not compliant, no assertion recorded");
            }
            return result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage() + " @ " + a.getLocation().getContext())
                    .distinct().toList();
        }
    }

    @Test
    void theValidatorReallyRejects() throws Exception {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            assertThat(failures(out.toByteArray(), PDFAFlavour.PDFA_2_A)).isNotEmpty();
            assertThat(failures(out.toByteArray(), PDFAFlavour.PDFUA_1)).isNotEmpty();
        }
    }

    @Test
    void everySignedNoticeTypePassesPdfA2aAndPdfUa1() throws Exception {
        Map<NoticeType, byte[]> pdfs = SealedNoticesTest.oneOfEach(intake, caseFiles, notices, repository);
        for (Map.Entry<NoticeType, byte[]> e : pdfs.entrySet()) {
            assertThat(failures(e.getValue(), PDFAFlavour.PDFA_2_A)).as("PDF/A-2a " + e.getKey()).isEmpty();
            assertThat(failures(e.getValue(), PDFAFlavour.PDFUA_1)).as("PDF/UA-1 " + e.getKey()).isEmpty();
        }
    }
}
