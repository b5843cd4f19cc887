package cn.gov.disclosure.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseFileService;
import cn.gov.disclosure.common.NotFoundException;
import cn.gov.disclosure.consultation.AgencyDirectory;
import cn.gov.disclosure.consultation.ConsultationRepository;
import cn.gov.disclosure.notice.AgencyProfile;
import cn.gov.disclosure.notice.NoticeRepository;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.NoticeTemplates;
import cn.gov.disclosure.notice.PdfRenderer;

/**
 * What the clerk prints for a delivery by hand: a cover page with the address label (post) or the appointment
 * (collection, viewing), the 送达回证 for the addressee's signature, then the notice exactly as issued (sealed),
 * then the released records. One PDF, so nothing is left out of the envelope.
 */
@Component
public class PrintPackage {

    private final DeliveryRepository deliveries;
    private final CaseFileService caseFiles;
    private final NoticeRepository notices;
    private final NoticeTemplates templates;
    private final PdfRenderer renderer;
    private final AgencyProfile agency;
    private final AgencyDirectory agencies;
    private final ConsultationRepository consultations;
    private final ObjectProvider<ReleasedRecords> records;

    public PrintPackage(DeliveryRepository deliveries, CaseFileService caseFiles, NoticeRepository notices,
                        NoticeTemplates templates, PdfRenderer renderer, AgencyProfile agency, AgencyDirectory agencies,
                        ConsultationRepository consultations, ObjectProvider<ReleasedRecords> records) {
        this.deliveries = deliveries;
        this.caseFiles = caseFiles;
        this.notices = notices;
        this.templates = templates;
        this.renderer = renderer;
        this.agency = agency;
        this.agencies = agencies;
        this.consultations = consultations;
        this.records = records;
    }

    public byte[] render(long deliveryId) {
        DeliveryRecord d = deliveries.find(deliveryId).orElseThrow(NotFoundException::new);
        ApplicationCase c = caseFiles.get(caseFiles.caseNoOf(d.caseId()));
        byte[] notice = notices.pdf(d.noticeId()).orElseThrow(NotFoundException::new);
        boolean reply = !d.letter() && "REPLY".equals(deliveries.noticeType(d.noticeId()));
        ReleasedRecords.Enclosure released = reply
                ? records.getIfAvailable(() -> ReleasedRecords.NONE).forNotice(c.caseNo(), d.noticeId())
                : ReleasedRecords.Enclosure.EMPTY;
        String title = deliveries.noticeTitle(d.noticeId());
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("c", c);
        model.put("d", d);
        model.put("agency", agency);
        model.put("noticeTitle", title);
        model.put("channelLabel", d.channel().label());
        model.put("recipientName", d.letter() ? d.addressee() : c.applicantName());
        model.put("recipientAddress", d.letter() ? letterAddress(c, d) : c.address());
        model.put("recipientPostalCode", d.letter() ? null : c.postalCode());
        model.put("recipientPhone", d.letter() ? null : c.phone());
        model.put("post", d.channel() == DeliveryChannel.POST);
        model.put("issuedOnText", NoticeService.chineseDate(caseFiles.today()));
        model.put("releasedCount", released.files());
        byte[] cover = renderer.render(templates.notice("delivery-cover", model), title);
        List<byte[]> parts = new ArrayList<>();
        parts.add(cover);
        parts.add(notice);
        parts.addAll(released.pdfs());
        return merge(parts);
    }

    private String letterAddress(ApplicationCase c, DeliveryRecord d) {
        return agencies.agencyDirectory().stream().filter(e -> e.name().equals(d.addressee()))
                .map(AgencyDirectory.Entry::address).findFirst()
                .orElseGet(() -> consultations.forCase(c.id()).stream()
                        .filter(k -> k.partyName().equals(d.addressee())).map(k -> k.partyAddress())
                        .filter(a -> a != null).findFirst().orElse(null));
    }

    private static byte[] merge(List<byte[]> parts) {
        try (PDDocument target = new PDDocument()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (byte[] part : parts) {
                try (PDDocument source = Loader.loadPDF(new RandomAccessReadBuffer(part))) {
                    merger.appendDocument(target, source);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            target.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
