package cn.gov.disclosure.records;

import io.swagger.v3.oas.annotations.Operation;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.NotFoundException;
import cn.gov.disclosure.common.Texts;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The staff page for a case's records, linked from the Tasklist forms and opened in the Tasklist sign-in:
 * upload per item, open originals and the copies that would go out, mark cuts (by region on a page shown with a
 * 10 mm grid, or by text to find) with their grounds, withhold a whole file. Server-rendered, no script.
 * Clerks (and administrators) change; every member of staff reads (the Art. 17 reviewer opens the copies).
 */
@Controller
public class StaffRecordsController {

    private static final double POINTS_PER_MM = 72 / 25.4;
    private static final int PREVIEW_DPI = 60;

    private final RecordsService records;
    private final CaseFileService caseFiles;
    private final RecordSettings settings;

    public StaffRecordsController(RecordsService records, CaseFileService caseFiles, RecordSettings settings) {
        this.records = records;
        this.caseFiles = caseFiles;
        this.settings = settings;
    }

    /** One item's files on the page. */
    public record ItemView(int itemNo, List<FileView> files) {
    }

    /** One file with what the page shows of it. */
    public record FileView(RecordFile file, int cuts, String withheldLabel, RecordRepository.Copy copy) {
    }

    @Operation(summary = "Records page of a case (HTML): files per item, cuts, release set")
    @GetMapping("/staff/records/cases/{caseNo}")
    public String casePage(@PathVariable String caseNo, Model model) {
        return render(caseNo, model, List.of(), null);
    }

    private String render(String caseNo, Model model, List<FieldError> errors, String notice) {
        ApplicationCase c = caseFiles.find(caseNo).orElseThrow(NotFoundException::new);
        Map<Integer, List<FileView>> items = new LinkedHashMap<>();
        for (RecordFile f : records.records(caseNo)) {
            items.computeIfAbsent(f.itemNo(), n -> new ArrayList<>()).add(new FileView(f, records.cuts(f.id()).size(),
                    f.withheldGround() == null ? null
                            : records.grounds().find(f.withheldGround()).map(RedactionGrounds.Ground::label).orElse(""),
                    records.currentCopy(f.id()).orElse(null)));
        }
        model.addAttribute("c", c);
        model.addAttribute("items", items.entrySet().stream().map(e -> new ItemView(e.getKey(), e.getValue())).toList());
        model.addAttribute("set", records.releaseSet(caseNo));
        model.addAttribute("approvalProblem", records.approvalProblem(caseNo).orElse(null));
        model.addAttribute("redactionProblems", records.redactionProblems(caseNo));
        model.addAttribute("noFiles", records.noFilesReasons(caseNo));
        model.addAttribute("releases", records.releases(caseNo));
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("maxFileMb", RecordSettings.megabytes(settings.maxFileBytes()));
        model.addAttribute("maxCaseMb", RecordSettings.megabytes(settings.maxCaseBytes()));
        model.addAttribute("maxItem", RecordsService.MAX_ITEM);
        return "records/case";
    }

    @Operation(summary = "Upload records to an item (multipart form; type detected from the bytes)")
    @PostMapping("/staff/records/cases/{caseNo}/upload")
    public String upload(@PathVariable String caseNo, @RequestParam(defaultValue = "0") String itemNo,
                         @RequestParam(required = false) boolean internalOnly,
                         @RequestParam(name = "files", required = false) List<MultipartFile> files,
                         Authentication user, Model model, HttpServletResponse response) {
        requireClerk(user);
        List<RecordsService.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                uploads.add(new RecordsService.Upload(f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            List<RecordFile> stored = records.upload(caseNo, parseInt(itemNo, "itemNo"), uploads, internalOnly,
                    user.getName());
            return "redirect:/staff/records/cases/" + caseNo + "?uploaded=" + stored.size();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(caseNo, model, e.errors(), Texts.get("records.upload.failed"));
        }
    }

    @Operation(summary = "Say why an item has no file to upload (blank withdraws it)")
    @PostMapping("/staff/records/cases/{caseNo}/no-files")
    public String explainNoFiles(@PathVariable String caseNo, @RequestParam(defaultValue = "0") String itemNo,
                                 @RequestParam(defaultValue = "") String reason, Authentication user, Model model,
                                 HttpServletResponse response) {
        requireClerk(user);
        try {
            records.explainNoFiles(caseNo, parseInt(itemNo, "itemNo"), reason, user.getName());
            return "redirect:/staff/records/cases/" + caseNo;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(caseNo, model, e.errors(), null);
        }
    }

    @Operation(summary = "One record (HTML): page previews with the cuts marked")
    @GetMapping("/staff/records/{id}")
    public String recordPage(@PathVariable long id, Model model) {
        return renderRecord(id, model, List.of());
    }

    private String renderRecord(long id, Model model, List<FieldError> errors) {
        RecordFile f = records.require(id);
        model.addAttribute("f", f);
        model.addAttribute("cuts", records.cuts(id).stream().map(c -> new CutView(c,
                records.grounds().find(c.ground()).map(RedactionGrounds.Ground::label).orElse(c.ground()),
                RecordsService.mm(c.x()), RecordsService.mm(c.y()), RecordsService.mm(c.width()),
                RecordsService.mm(c.height()))).toList());
        model.addAttribute("grounds", records.grounds().all());
        model.addAttribute("copy", records.currentCopy(id).orElse(null));
        model.addAttribute("pages", f.pages() == null || f.kind() == RecordKind.OFFICE ? List.of()
                : java.util.stream.IntStream.rangeClosed(1, f.pages()).boxed().toList());
        model.addAttribute("errors", errors);
        return "records/record";
    }

    /** A cut as the page lists it, in millimetres. */
    public record CutView(Redaction cut, String groundLabel, String x, String y, String width, String height) {
    }

    @Operation(summary = "Add a cut (page, rectangle in mm, ground) to a record")
    @PostMapping("/staff/records/{id}/cuts")
    public String addCut(@PathVariable long id, @RequestParam(defaultValue = "") String page,
                         @RequestParam(defaultValue = "") String left, @RequestParam(defaultValue = "") String top,
                         @RequestParam(defaultValue = "") String width, @RequestParam(defaultValue = "") String height,
                         @RequestParam(defaultValue = "") String ground, Authentication user, Model model,
                         HttpServletResponse response) {
        requireClerk(user);
        try {
            records.addCut(id, parseInt(page, "page"), parseMm(left, "left"), parseMm(top, "top"),
                    parseMm(width, "width"), parseMm(height, "height"), ground, user.getName());
            return "redirect:/staff/records/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return renderRecord(id, model, e.errors());
        }
    }

    @Operation(summary = "Cut every occurrence of a text, with its ground")
    @PostMapping("/staff/records/{id}/cuts/text")
    public String cutText(@PathVariable long id, @RequestParam(defaultValue = "") String text,
                          @RequestParam(defaultValue = "") String ground, Authentication user, Model model,
                          HttpServletResponse response) {
        requireClerk(user);
        try {
            records.cutText(id, text, ground, user.getName());
            return "redirect:/staff/records/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return renderRecord(id, model, e.errors());
        }
    }

    @Operation(summary = "Remove a cut")
    @PostMapping("/staff/records/cuts/{cutId}/remove")
    public String removeCut(@PathVariable long cutId, @RequestParam long recordId, Authentication user) {
        requireClerk(user);
        records.removeCut(cutId, user.getName());
        return "redirect:/staff/records/" + recordId;
    }

    @Operation(summary = "Withhold a whole record, with its ground")
    @PostMapping("/staff/records/{id}/withhold")
    public String withhold(@PathVariable long id, @RequestParam(defaultValue = "") String ground,
                           Authentication user, Model model, HttpServletResponse response) {
        requireClerk(user);
        try {
            records.withhold(id, ground.isBlank() ? null : ground, user.getName());
            return "redirect:/staff/records/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return renderRecord(id, model, e.errors());
        }
    }

    @Operation(summary = "Delete a record that was not released")
    @PostMapping("/staff/records/{id}/delete")
    public String delete(@PathVariable long id, Authentication user) {
        requireClerk(user);
        String caseNo = records.require(id).caseNo();
        records.delete(id, user.getName());
        return "redirect:/staff/records/cases/" + caseNo;
    }

    /** The untouched original: staff only. */
    @GetMapping("/staff/records/{id}/original")
    @ResponseBody
    public ResponseEntity<byte[]> original(@PathVariable long id) {
        RecordFile f = records.require(id);
        return file(records.original(id), f.mediaType(), f.fileName(), f.kind() != RecordKind.OFFICE);
    }

    /** The copy that would go out now (what the Art. 17 reviewer checks). */
    @GetMapping("/staff/records/{id}/copy")
    @ResponseBody
    public ResponseEntity<byte[]> copy(@PathVariable long id) {
        RecordRepository.Copy copy = records.currentCopy(id).orElseThrow(NotFoundException::new);
        return file(records.copyContent(copy.id()), copy.mediaType(), copy.fileName(),
                "application/pdf".equals(copy.mediaType()));
    }

    /** A page to mark cuts on: the page with a 10 mm grid (labels every 50 mm) and the current cuts outlined. */
    @GetMapping("/staff/records/{id}/pages/{page}.png")
    @ResponseBody
    public ResponseEntity<byte[]> page(@PathVariable long id, @PathVariable int page) throws IOException {
        byte[] pdf = records.markingBase(id);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            if (page < 1 || page > d.getNumberOfPages()) {
                throw new NotFoundException();
            }
            float scale = PREVIEW_DPI / 72f;
            BufferedImage image = new PDFRenderer(d).renderImage(page - 1, scale, ImageType.RGB);
            Graphics2D g = image.createGraphics();
            double mm = POINTS_PER_MM * scale;
            for (int i = 0; i * mm < Math.max(image.getWidth(), image.getHeight()); i += 10) {
                boolean major = i % 50 == 0;
                g.setColor(major ? new Color(0, 120, 255, 160) : new Color(0, 120, 255, 60));
                int at = (int) Math.round(i * mm);
                g.drawLine(at, 0, at, image.getHeight());
                g.drawLine(0, at, image.getWidth(), at);
                if (major && i > 0) {
                    g.drawString(String.valueOf(i), at + 2, 10);
                    g.drawString(String.valueOf(i), 2, at - 2);
                }
            }
            g.setStroke(new BasicStroke(2));
            g.setColor(Color.RED);
            for (Redaction c : records.cuts(id)) {
                if (c.page() == page) {
                    g.drawRect((int) (c.x() * scale), (int) (c.y() * scale), (int) (c.width() * scale),
                            (int) (c.height() * scale));
                }
            }
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(out.toByteArray());
        }
    }

    /** The release set for the Art. 17 reviewer: each copy with name, pages, SHA-256, openable here. */
    @Operation(summary = "Release set of a case (HTML), as the confidentiality reviewer sees it")
    @GetMapping("/staff/records/cases/{caseNo}/release")
    public String releaseSet(@PathVariable String caseNo, Model model) {
        ApplicationCase c = caseFiles.find(caseNo).orElseThrow(NotFoundException::new);
        List<RecordsService.SetEntry> set = records.releaseSet(caseNo);
        model.addAttribute("c", c);
        model.addAttribute("set", set);
        model.addAttribute("fingerprint", RecordsService.fingerprint(set));
        model.addAttribute("approvalProblem", records.approvalProblem(caseNo).orElse(null));
        model.addAttribute("redactionProblems", records.redactionProblems(caseNo));
        model.addAttribute("withheld", records.withheld(caseNo));
        return "records/release";
    }

    static ResponseEntity<byte[]> file(byte[] content, String mediaType, String name, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, java.nio.charset.StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff").body(content);
    }

    private static void requireClerk(Authentication user) {
        boolean clerk = user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("GROUP_clerk") || a.equals("GROUP_camunda-admin"));
        if (!clerk) {
            throw new AccessDeniedException("records: clerks only");
        }
    }

    private static int parseInt(String value, String field) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(FieldError.of(field, "records.cut.number", Texts.get("records.field." + field)));
        }
    }

    private static double parseMm(String value, String field) {
        try {
            double mm = Double.parseDouble(value.strip());
            if (Double.isNaN(mm) || Double.isInfinite(mm)) {
                throw new NumberFormatException();
            }
            return mm * POINTS_PER_MM;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(FieldError.of(field, "records.cut.number", Texts.get("records.field." + field)));
        }
    }
}
