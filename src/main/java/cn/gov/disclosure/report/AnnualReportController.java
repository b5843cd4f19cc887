package cn.gov.disclosure.report;

import cn.gov.disclosure.common.FieldError;

import cn.gov.disclosure.common.Texts;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.disclosure.notice.AgencyProfile;
import cn.gov.disclosure.notice.NoticeTemplates;
import cn.gov.disclosure.notice.PdfRenderer;
import cn.gov.disclosure.common.InvalidInputException;

/** {@code GET /api/reports/annual/{year}[?format=csv|pdf]}, {@code GET|POST …/{year}/publication} — staff only. */
@RestController
public class AnnualReportController {

    private final AnnualReportService reports;
    private final NoticeTemplates templates;
    private final PdfRenderer renderer;
    private final AgencyProfile agency;

    public AnnualReportController(AnnualReportService reports, NoticeTemplates templates, PdfRenderer renderer,
                                  AgencyProfile agency) {
        this.reports = reports;
        this.templates = templates;
        this.renderer = renderer;
        this.agency = agency;
    }

    @GetMapping("/api/reports/annual/{year}")
    public ResponseEntity<?> annual(@PathVariable int year, @RequestParam(defaultValue = "json") String format) {
        if (year < 2019 || year > 2100) {
            throw new InvalidInputException(FieldError.of("year", "report.error.year"));
        }
        AnnualReport report = reports.report(year);
        return switch (format) {
            case "json" -> ResponseEntity.ok(report);
            case "csv" -> ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("annual-report-" + year + ".csv").build().toString())
                    .body(AnnualReportCsv.write(report));
            case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename("annual-report-" + year + ".pdf").build().toString())
                    .body(pdf(report));
            default -> throw new InvalidInputException(FieldError.of("format", "report.error.format"));
        };
    }

    /** The year's publication (lock), or 404 while it is unpublished. */
    @GetMapping("/api/reports/annual/{year}/publication")
    public ResponseEntity<?> publication(@PathVariable int year) {
        return reports.published(year).<ResponseEntity<?>>map(p -> ResponseEntity.ok(Map.of("year", p.year(),
                "publishedAt", p.publishedAt().toString(), "publishedBy", p.publishedBy())))
                .orElse(ResponseEntity.notFound().build());
    }

    /** Publishes the year's report: its figures are stored and no longer change (staff only; who is recorded). */
    @PostMapping("/api/reports/annual/{year}/publication")
    public ResponseEntity<?> publish(@PathVariable int year, Authentication auth) {
        if (year < 2019 || year > 2100) {
            throw new InvalidInputException(FieldError.of("year", "report.error.year"));
        }
        AnnualReportService.Publication p = reports.publish(year, auth.getName());
        return ResponseEntity.status(201).body(Map.of("year", p.year(), "publishedAt", p.publishedAt().toString(),
                "publishedBy", p.publishedBy()));
    }

    private byte[] pdf(AnnualReport report) {
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("agencyName", agency.name());
        model.put("title", Texts.get("report.title", report.year()));
        return renderer.render(templates.report("annual", model), (String) model.get("title"));
    }
}
