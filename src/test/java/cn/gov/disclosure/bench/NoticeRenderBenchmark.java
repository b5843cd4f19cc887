package cn.gov.disclosure.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * Time and CPU to render a reply (答复书, 予以公开) after warm-up, and its size, with one and two threads. Not a
 * test: run with {@code mvn -Pbench verify -DskipTests} (or only this one:
 * {@code mvn -Pbench exec:java@notice-render-benchmark}) and copy the figures into the README. Arguments: warm-up
 * renders, runs for the single-thread figure, seconds per throughput phase.
 */
public final class NoticeRenderBenchmark {

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 300; // the JIT needs a few hundred
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : Long.getLong("bench.render.seconds", 10);
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        long fontStart = System.nanoTime();
        NoticeFonts fonts = new NoticeFonts();
        fonts.regular(); // the fonts load on a thread of their own: wait for them
        long fontMillis = (System.nanoTime() - fontStart) / 1_000_000;
        AgencyProfile agency = new AgencyProfile("示例市人民政府办公室", "示例市人民政府办公室政府信息公开科",
                "示例省示例市人民路1号", "100000", "0000-12345678", "gongkai@example.cn",
                new AgencyProfile.Body("示例市人民政府", "示例省示例市人民路1号"),
                new AgencyProfile.Body("示例市人民法院", "示例省示例市法院街2号"), null, null);
        ReplyCatalogue catalogue = new ReplyCatalogue();
        // Rendering only: no signing key; the specimen seal image with -Dbench.render.seal=true (as every issued
        // notice carries one), none otherwise (the figures before the seal was encoded once).
        boolean withSeal = Boolean.getBoolean("bench.render.seal");
        cn.gov.disclosure.seal.SealProperties renderOnly = new cn.gov.disclosure.seal.SealProperties(false,
                cn.gov.disclosure.seal.SealAlgorithm.ECDSA_P256, withSeal, "", null);
        cn.gov.disclosure.seal.SealKeys noKeys = new cn.gov.disclosure.seal.SealKeys(renderOnly, agency.name());
        NoticeService notices = new NoticeService(null, new NoticeTemplates(), new PdfRenderer(fonts), null, null,
                agency, Clock.system(CalendarConfiguration.CHINA), catalogue, new NoticeChecker(catalogue, agency, new cn.gov.disclosure.notice.NoticeRules()),
                new cn.gov.disclosure.seal.SealImage("", agency.name(), renderOnly), noKeys,
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
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pages = doc.getNumberOfPages();
        }
        System.out.printf("font parse (once, both weights): %d ms%n", fontMillis);
        System.out.printf("reply notice: %d page(s), %d bytes (%.1f KB), PDF/A-2a + PDF/UA, subset Noto Serif SC, %s%n",
                pages, pdf.length, pdf.length / 1024.0, withSeal ? "with the specimen seal" : "no seal");
        Phase single = measure(notices, c, draft, 1, runs, Long.MAX_VALUE);
        single.print("render after " + warmup + " warm-up runs, " + runs + " runs");
        // 1, 2, then again 1, 2: the first round still warms the JIT up; the second is the figure to quote.
        for (int threads : new int[] {1, 2, 1, 2}) {
            measure(notices, c, draft, threads, Integer.MAX_VALUE, seconds * 1_000L).print(threads + " thread(s)");
        }
        fonts.close();
    }

    /** What one phase measured: per notice wall and thread CPU time, and the whole process's CPU over the phase. */
    private record Phase(int threads, long[] wallMicros, long[] cpuMicros, long elapsedNanos, long processCpuNanos) {

        void print(String label) {
            int n = wallMicros.length;
            double perSecond = n * 1e9 / elapsedNanos;
            System.out.printf("%s: %d notices, %.1f notices/s | wall p50 %.1f ms, p90 %.1f ms | thread CPU/notice "
                            + "p50 %.1f ms, mean %.1f ms | process CPU/notice (incl. GC, JIT) %.1f ms | load %.2f%n",
                    label, n, perSecond, wallMicros[n / 2] / 1000.0, wallMicros[n * 9 / 10] / 1000.0,
                    cpuMicros[n / 2] / 1000.0, java.util.Arrays.stream(cpuMicros).average().orElse(0) / 1000.0,
                    processCpuNanos / 1e6 / n, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /**
     * {@code threads} threads render until {@code runsPerThread} notices each or {@code millis} have passed,
     * whichever comes first. Thread CPU time (ThreadMXBean) counts only the rendering thread; the process CPU
     * time (all threads over the phase, divided by the notices) adds what GC and JIT spend on their behalf.
     */
    private static Phase measure(NoticeService notices, ApplicationCase c, ReplyDraft draft, int threads,
                                 int runsPerThread, long millis) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = millis == Long.MAX_VALUE ? Long.MAX_VALUE : start + millis * 1_000_000;
        long cpuStart = os.getProcessCpuTime();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                for (int r = 0; r < runsPerThread && System.nanoTime() < end; r++) {
                    long cpu = mx.getCurrentThreadCpuTime();
                    long wall = System.nanoTime();
                    notices.previewReply(c, draft);
                    samples.add(new long[] {(System.nanoTime() - wall) / 1_000,
                            (mx.getCurrentThreadCpuTime() - cpu) / 1_000});
                }
            });
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        long processCpu = os.getProcessCpuTime() - cpuStart;
        long[] wall = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
        long[] cpu = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
        return new Phase(threads, wall, cpu, elapsed, processCpu);
    }
}
