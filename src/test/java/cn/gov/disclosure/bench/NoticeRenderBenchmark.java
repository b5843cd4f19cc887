package cn.gov.disclosure.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import cn.gov.disclosure.calendar.CalendarConfiguration;
import cn.gov.disclosure.casefile.ApplicationCase;
import cn.gov.disclosure.casefile.CaseStatus;
import cn.gov.disclosure.casefile.ApplicantType;
import cn.gov.disclosure.casefile.Channel;
import cn.gov.disclosure.casefile.Delivery;
import cn.gov.disclosure.casefile.IdType;
import cn.gov.disclosure.casefile.InformationForm;
import cn.gov.disclosure.notice.AgencyProfile;
import cn.gov.disclosure.notice.NoticeChecker;
import cn.gov.disclosure.notice.NoticeFonts;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.notice.NoticeTemplates;
import cn.gov.disclosure.notice.PdfRenderer;
import cn.gov.disclosure.notice.ReplyCatalogue;
import cn.gov.disclosure.notice.ReplyDraft;

/**
 * Time to render a one-page reply (答复书, 予以公开) after warm-up, and its size. Not a test: run with
 * {@code mvn -Pbench verify -DskipTests} and copy the figures into the README.
 */
public final class NoticeRenderBenchmark {

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        long fontStart = System.nanoTime();
        NoticeFonts fonts = new NoticeFonts();
        long fontMillis = (System.nanoTime() - fontStart) / 1_000_000;
        AgencyProfile agency = new AgencyProfile("示例市人民政府办公室", "示例市人民政府办公室政府信息公开科",
                "示例省示例市人民路1号", "100000", "0000-12345678", "gongkai@example.cn",
                new AgencyProfile.Body("示例市人民政府", "示例省示例市人民路1号"),
                new AgencyProfile.Body("示例市人民法院", "示例省示例市法院街2号"), null, null);
        ReplyCatalogue catalogue = new ReplyCatalogue();
        // Rendering only: no seal image, no signing key.
        cn.gov.disclosure.seal.SealProperties noSeal = new cn.gov.disclosure.seal.SealProperties(false,
                cn.gov.disclosure.seal.SealAlgorithm.ECDSA_P256, false, "", null);
        cn.gov.disclosure.seal.SealKeys noKeys = new cn.gov.disclosure.seal.SealKeys(noSeal, agency.name());
        NoticeService notices = new NoticeService(null, new NoticeTemplates(), new PdfRenderer(fonts), null, null,
                agency, Clock.system(CalendarConfiguration.CHINA), catalogue, new NoticeChecker(catalogue, agency, new cn.gov.disclosure.notice.NoticeRules()),
                new cn.gov.disclosure.seal.SealImage("", agency.name(), noSeal), noKeys,
                new cn.gov.disclosure.seal.PdfSigner(noKeys), null, new cn.gov.disclosure.notice.NoticeRules(), "http://localhost:8080",
                event -> { });
        ApplicationCase c = new ApplicationCase(1, "GK-2026-00001", Channel.ONLINE, LocalDate.of(2026, 11, 23),
                ApplicantType.NATURAL_PERSON, "张三", IdType.RESIDENT_ID_CARD, "11010519491231002X", null, null,
                "zhangsan@example.cn", null, null, "2025年某路段道路拓宽工程的立项批复文件", null,
                InformationForm.ELECTRONIC, Delivery.EMAIL, null, false, CaseStatus.IN_PROGRESS,
                LocalDate.of(2026, 12, 21), null, null, Instant.now(), "applicant");
        ReplyDraft draft = new ReplyDraft("DISCLOSED", List.of(), null, null, null, null);

        byte[] pdf = null;
        for (int i = 0; i < warmup; i++) {
            pdf = notices.previewReply(c, draft);
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            pdf = notices.previewReply(c, draft);
            micros.add((System.nanoTime() - t) / 1_000);
        }
        Collections.sort(micros);
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pages = doc.getNumberOfPages();
        }
        System.out.printf("font parse (once, both weights): %d ms%n", fontMillis);
        System.out.printf("reply notice: %d page(s), %d bytes (%.1f KB), PDF/A-2a + PDF/UA, subset Noto Serif SC%n",
                pages, pdf.length, pdf.length / 1024.0);
        System.out.printf("render after %d warm-up runs, %d runs: median %.1f ms, p90 %.1f ms, min %.1f ms%n",
                warmup, runs, micros.get(runs / 2) / 1000.0, micros.get(runs * 9 / 10) / 1000.0, micros.get(0) / 1000.0);
        // 1, 2, then again 1, 2: the first round still warms the JIT up; the second is the figure to quote.
        for (int threads : new int[] {1, 2, 1, 2}) {
            throughput(notices, c, draft, threads, 10_000);
        }
        fonts.close();
    }

    /** Notices rendered per second by {@code threads} threads rendering flat out for {@code millis}. */
    private static void throughput(NoticeService notices, ApplicationCase c, ReplyDraft draft, int threads,
                                   long millis) throws InterruptedException {
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        long end = System.nanoTime() + millis * 1_000_000;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    notices.previewReply(c, draft);
                    done.incrementAndGet();
                }
            });
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        System.out.printf("%d thread(s): %.1f notices/s over %d s%n", threads, done.get() * 1000.0 / millis,
                millis / 1000);
    }
}
