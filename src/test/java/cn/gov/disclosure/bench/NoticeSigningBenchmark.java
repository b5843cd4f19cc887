package cn.gov.disclosure.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import cn.gov.disclosure.notice.NoticeChecker;
import cn.gov.disclosure.notice.NoticeFonts;
import cn.gov.disclosure.notice.PdfRenderer;
import cn.gov.disclosure.seal.PdfSigner;
import cn.gov.disclosure.seal.SealAlgorithm;
import cn.gov.disclosure.seal.SealKey;
import cn.gov.disclosure.seal.SealKeys;

/**
 * CPU per notice for what follows rendering when a notice is issued: signing a notice that was rendered without
 * the empty signature field (the signer adds it, with a full save, before signing) against one rendered with it
 * (the notice service's way since the field goes in before the renderer's save), and the checker's reading of the
 * text. Thread CPU per operation after warm-up, single thread. Not a test: {@code mvn -Pbench
 * test-compile exec:exec@notice-signing-benchmark}; arguments when run by hand: warm-up runs, measured runs.
 */
public final class NoticeSigningBenchmark {

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        String html = """
                <html lang="zh-CN"><head><title>答复书</title><style>body { font-family: NoticeSerif; }</style></head>
                <body><h1>政府信息公开申请答复书</h1><p>%s</p></body></html>""".formatted(
                "示例市人民政府办公室收到你（单位）于2026年11月23日提交的政府信息公开申请。".repeat(40));
        byte[] plain;
        byte[] withField;
        try (NoticeFonts fonts = new NoticeFonts()) {
            PdfRenderer renderer = new PdfRenderer(fonts);
            plain = renderer.render(html, "答复书");
            withField = renderer.render(html, "答复书", PdfSigner::addSignatureField);
        }
        char[] password = "bench".toCharArray();
        KeyStore store = SealKeys.selfSigned(SealAlgorithm.ECDSA_P256, "示例市人民政府办公室", password);
        SealKey key = new SealKey((PrivateKey) store.getKey("seal", password),
                List.of((X509Certificate) store.getCertificate("seal")), SealAlgorithm.ECDSA_P256, null);

        System.out.printf("NOTICE SIGNING: %d-byte notice, %d warm-up and %d measured runs each, ECDSA P-256, load %.2f%n",
                plain.length, warmup, runs, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // Alternated, so a change in the machine's load hits both alike.
        for (int round = 0; round < 2; round++) {
            time("sign, field added by the signer (as before)", warmup, runs,
                    () -> PdfSigner.sign(plain, "基准", Instant.now(), key));
            time("sign, field added at rendering (now)", warmup, runs,
                    () -> PdfSigner.sign(withField, "基准", Instant.now(), key));
            time("checker reads the text", warmup, runs, () -> NoticeChecker.textOf(withField));
        }
    }

    private static void time(String what, int warmup, int runs, Op op) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            op.run();
        }
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = mx.getCurrentThreadCpuTime();
            op.run();
            cpu[i] = mx.getCurrentThreadCpuTime() - t;
        }
        Arrays.sort(cpu);
        List<Long> sorted = Arrays.stream(cpu).boxed().toList();
        System.out.printf("%-42s thread CPU p50 %6.2f ms   p90 %6.2f ms%n", what + ":", Percentile.millis(sorted, 50),
                Percentile.millis(sorted, 90));
    }

    private interface Op {
        void run() throws Exception;
    }
}
