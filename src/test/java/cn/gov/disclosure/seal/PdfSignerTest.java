package cn.gov.disclosure.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import cn.gov.disclosure.notice.PdfRenderer;
import cn.gov.disclosure.notice.TestFonts;

/** Signing and verifying with each algorithm, on a real rendered (PDF/A, tagged) notice. */
class PdfSignerTest {

    static byte[] notice;
    static final String TEXT = "政府信息公开申请答复书 编号：GK-2026-00001 示例市人民政府办公室";

    @TempDir
    Path dir;

    @BeforeAll
    static void render() {
        notice = new PdfRenderer(TestFonts.shared()).render("""
                <html lang="zh-CN"><head><title>答复书</title><style>body { font-family: NoticeSerif; }</style></head>
                <body><h1>答复书</h1><p>%s</p></body></html>""".formatted(TEXT), "答复书");
    }


    /** The CMS signature {@code sig} holds, over the bytes of {@code signed} it covers. */
    private static CMSSignedData cms(PDSignature sig, byte[] signed) throws Exception {
        return new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(signed)), sig.getContents(signed));
    }

    private SealKey key(SealAlgorithm algorithm, LocalDate revokedSince) throws Exception {
        KeyStore store = SealKeys.selfSigned(algorithm, "示例市人民政府办公室", "pw".toCharArray());
        Path file = dir.resolve(algorithm + ".p12");
        try (var out = Files.newOutputStream(file)) {
            store.store(out, "pw".toCharArray());
        }
        SealKey key = SealKeys.load(new SealProperties.Keystore(file.toString(), "pw", null, revokedSince));
        assertThat(key.algorithm()).isEqualTo(algorithm);
        return key;
    }

    @ParameterizedTest
    @EnumSource(SealAlgorithm.class)
    void signedNoticeVerifiesWithPdfBoxAndBouncyCastle(SealAlgorithm algorithm) throws Exception {
        SealKey key = key(algorithm, null);
        byte[] signed = PdfSigner.sign(notice, "测试签发", Instant.parse("2026-11-25T02:00:00Z"), key);

        // Incremental update: the rendered notice is kept byte for byte before the signature.
        assertThat(signed.length).isGreaterThan(notice.length);
        SignatureCheck check = SignatureVerifier.verify(signed);
        assertThat(check.status()).isEqualTo(SignatureCheck.Status.INTACT);
        assertThat(check.fingerprint()).isEqualTo(key.fingerprint());
        assertThat(check.signedAt()).isEqualTo(Instant.parse("2026-11-25T02:00:00Z"));

        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            assertThat(sig.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            CMSSignedData cms = cms(sig, signed);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            // PAdES B-B: signing-certificate-v2 present, no CMS signing-time.
            assertThat(signer.getSignedAttributes().get(
                    org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(signer.getSignedAttributes().get(
                    org.bouncycastle.asn1.cms.CMSAttributes.signingTime)).isNull();
            // The space reserved is the certificates plus 4 KB (hexadecimal between the byte ranges, with < and >),
            // and the signature leaves at least 2 KB of it unused.
            int[] range = sig.getByteRange();
            assertThat(range[2] - range[1] - 2).isEqualTo(2 * PdfSigner.signatureSize(key));
            assertThat(PdfSigner.signatureSize(key) - cms.getEncoded().length).isGreaterThan(2048);
            if (algorithm == SealAlgorithm.SM2) {
                assertThat(signer.getEncryptionAlgOID()).isEqualTo("1.2.156.10197.1.501");
                assertThat(signer.getDigestAlgOID()).isEqualTo("1.2.156.10197.1.401");
            }
            assertThat(new PDFTextStripper().getText(doc)).contains(TEXT);
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
        }
    }

    /**
     * The space reserved for the signature follows the certificates it carries: an ECDSA seal with its one
     * certificate reserves under 5 KB (a fixed 16 KB before, written into every notice as 32 KB of hexadecimal
     * zeros), and a long chain still fits and verifies.
     */
    @Test
    void theSignatureTakesRoomForItsCertificatesOnly() throws Exception {
        SealKey ecdsa = key(SealAlgorithm.ECDSA_P256, null);
        byte[] signed = PdfSigner.sign(notice, "测试签发", Instant.now(), ecdsa);
        assertThat(SignatureVerifier.verify(signed).status()).isEqualTo(SignatureCheck.Status.INTACT);
        try (PDDocument doc = Loader.loadPDF(signed)) {
            int[] range = doc.getLastSignatureDictionary().getByteRange();
            assertThat(range[2] - range[1]).isLessThan(10_000);
        }

        // The seal's certificate followed by three more (stand-ins for intermediate and root certificates).
        List<java.security.cert.X509Certificate> chain = new java.util.ArrayList<>(ecdsa.chain());
        for (int i = 0; i < 3; i++) {
            KeyStore ca = SealKeys.selfSigned(SealAlgorithm.RSA_2048, "示例证书认证中心" + i, "pw".toCharArray());
            chain.add((java.security.cert.X509Certificate) ca.getCertificate("seal"));
        }
        SealKey chained = new SealKey(ecdsa.privateKey(), chain, ecdsa.algorithm(), null);
        assertThat(PdfSigner.signatureSize(chained)).isGreaterThan(PdfSigner.signatureSize(ecdsa) + 2_000);
        byte[] withChain = PdfSigner.sign(notice, "测试签发", Instant.now(), chained);
        SignatureCheck check = SignatureVerifier.verify(withChain);
        assertThat(check.status()).isEqualTo(SignatureCheck.Status.INTACT);
        assertThat(check.fingerprint()).isEqualTo(ecdsa.fingerprint());
        try (PDDocument doc = Loader.loadPDF(withChain)) {
            assertThat(cms(doc.getLastSignatureDictionary(), withChain).getCertificates().getMatches(null)).hasSize(4);
        }
    }

    /**
     * The office's P-256 key, as the JDK reads it from the keystore, goes to Bouncy Castle as a key of Bouncy
     * Castle's own, converted once: with the JDK's key Bouncy Castle recomputed the curve's table for every
     * signature (three times the time). The same secret, the same object for the next notice; an RSA key passes
     * through. That the signatures verify is {@link #signedNoticeVerifiesWithPdfBoxAndBouncyCastle}'s business.
     */
    @Test
    void bouncyCastleGetsAnEcKeyOfItsOwnOncePerKey() throws Exception {
        java.security.PrivateKey jdk = key(SealAlgorithm.ECDSA_P256, null).privateKey();
        assertThat(jdk.getClass().getName()).doesNotStartWith("org.bouncycastle.");
        java.security.PrivateKey converted = PdfSigner.forBouncyCastle(jdk);
        assertThat(converted.getClass().getName()).startsWith("org.bouncycastle.");
        assertThat(((java.security.interfaces.ECPrivateKey) converted).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) jdk).getS());
        assertThat(PdfSigner.forBouncyCastle(jdk)).isSameAs(converted);
        assertThat(PdfSigner.forBouncyCastle(converted)).isSameAs(converted);
        java.security.PrivateKey rsa = key(SealAlgorithm.RSA_2048, null).privateKey();
        assertThat(PdfSigner.forBouncyCastle(rsa)).isSameAs(rsa);
    }

    /**
     * A notice rendered with its empty signature field (the notice service's way) is signed without being saved
     * again: the signed PDF begins with the rendered bytes, unchanged, and verifies; one without the field gets it
     * first, so the rendered bytes are not kept; a signed one is refused.
     */
    @Test
    void aNoticeRenderedWithItsFieldIsSignedByAppendingOnly() throws Exception {
        byte[] withField = new PdfRenderer(TestFonts.shared()).render("""
                <html lang="zh-CN"><head><title>答复书</title><style>body { font-family: NoticeSerif; }</style></head>
                <body><h1>答复书</h1><p>%s</p></body></html>""".formatted(TEXT), "答复书",
                PdfSigner::addSignatureField);
        SealKey key = key(SealAlgorithm.ECDSA_P256, null);

        byte[] signed = PdfSigner.sign(withField, "测试签发", Instant.now(), key);
        assertThat(java.util.Arrays.copyOf(signed, withField.length)).isEqualTo(withField);
        assertThat(SignatureVerifier.verify(signed).status()).isEqualTo(SignatureCheck.Status.INTACT);
        try (PDDocument doc = Loader.loadPDF(signed)) {
            assertThat(doc.getDocumentCatalog().getAcroForm().getFields()).hasSize(1);
        }

        byte[] other = PdfSigner.sign(notice, "测试签发", Instant.now(), key);
        assertThat(java.util.Arrays.copyOf(other, notice.length)).isNotEqualTo(notice);
        assertThat(SignatureVerifier.verify(other).status()).isEqualTo(SignatureCheck.Status.INTACT);

        // A signed notice is not signed over again.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PdfSigner.sign(signed, "再次签发", Instant.now(), key))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(SealAlgorithm.class)
    void oneChangedByteBreaksTheSignature(SealAlgorithm algorithm) throws Exception {
        byte[] signed = PdfSigner.sign(notice, "测试签发", Instant.now(), key(algorithm, null));
        byte[] altered = signed.clone();
        // A byte inside the first signed range (the rendered notice), not in the PDF header.
        int at = notice.length / 2;
        altered[at] = (byte) (altered[at] ^ 0x01);
        assertThat(SignatureVerifier.verify(altered).status()).isIn(SignatureCheck.Status.BROKEN,
                SignatureCheck.Status.NOT_PDF);
        assertThat(SignatureVerifier.verify(altered).intact()).isFalse();
    }

    @Test
    void appendingAfterTheSignatureIsReported() throws Exception {
        byte[] signed = PdfSigner.sign(notice, "测试签发", Instant.now(), key(SealAlgorithm.ECDSA_P256, null));
        byte[] appended = java.util.Arrays.copyOf(signed, signed.length + 10);
        System.arraycopy("\n%comment\n".getBytes(), 0, appended, signed.length, 10);
        assertThat(SignatureVerifier.verify(appended).status())
                .isEqualTo(SignatureCheck.Status.MODIFIED_AFTER_SIGNING);
    }

    @Test
    void unsignedAndNonPdfAreToldApart() {
        assertThat(SignatureVerifier.verify(notice).status()).isEqualTo(SignatureCheck.Status.UNSIGNED);
        assertThat(SignatureVerifier.verify("不是PDF".getBytes()).status()).isEqualTo(SignatureCheck.Status.NOT_PDF);
    }

    @Test
    void aRevokedCertificateCountsFromItsRevocationDay() throws Exception {
        SealKey key = key(SealAlgorithm.ECDSA_P256, LocalDate.of(2026, 11, 25));
        SignatureCheck before = new SignatureCheck(SignatureCheck.Status.INTACT, key.certificate(), key,
                Instant.parse("2026-11-24T15:59:00Z")); // 23:59 on the 24th in Beijing
        SignatureCheck after = new SignatureCheck(SignatureCheck.Status.INTACT, key.certificate(), key,
                Instant.parse("2026-11-24T16:00:00Z"));
        assertThat(before.revoked()).isFalse();
        assertThat(after.revoked()).isTrue();
    }

    @Test
    void specimenSealIsATransparentRedPng() throws Exception {
        var img = ImageIO.read(new ByteArrayInputStream(SealImage.specimen("示例市人民政府办公室")));
        assertThat(img.getWidth()).isEqualTo(600);
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        assertThat(img.getRGB(0, 0) >>> 24).isZero(); // the corner is transparent
        int ring = img.getRGB(300, 600 - 12);
        assertThat((ring >> 16) & 0xff).isGreaterThan(150);
        assertThat(ring & 0xff).isLessThan(80);
    }

    @Test
    void otherProfilesRefuseToStartWithoutAKeystore() {
        SealProperties production = new SealProperties(true, SealAlgorithm.ECDSA_P256, false, dir.toString(), List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SealKeys(production, "某机关"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DISCLOSURE_SEAL_KEYSTORES_0_PATH");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SealImage("", "某机关", production))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("seal-image");
    }

    @Test
    void rotationKeepsOldKeysForVerification() throws Exception {
        KeyStore oldStore = SealKeys.selfSigned(SealAlgorithm.RSA_2048, "某机关", "a".toCharArray());
        KeyStore newStore = SealKeys.selfSigned(SealAlgorithm.SM2, "某机关", "b".toCharArray());
        Path oldFile = dir.resolve("old.p12");
        Path newFile = dir.resolve("new.p12");
        try (var o = Files.newOutputStream(oldFile); var n = Files.newOutputStream(newFile)) {
            oldStore.store(o, "a".toCharArray());
            newStore.store(n, "b".toCharArray());
        }
        SealKeys keys = new SealKeys(new SealProperties(true, SealAlgorithm.ECDSA_P256, false, dir.toString(),
                List.of(new SealProperties.Keystore(newFile.toString(), "b", null, null),
                        new SealProperties.Keystore(oldFile.toString(), "a", null, LocalDate.of(2026, 1, 1)))), "某机关");
        assertThat(keys.signing().algorithm()).isEqualTo(SealAlgorithm.SM2);
        byte[] oldNotice = PdfSigner.sign(notice, "旧证书", Instant.parse("2025-06-01T00:00:00Z"), keys.all().get(1));
        SignatureCheck check = new SignatureVerifier(keys).check(oldNotice);
        assertThat(check.intact()).isTrue();
        assertThat(check.ours()).isNotNull();
        assertThat(check.revoked()).isFalse();
        byte[] late = PdfSigner.sign(notice, "旧证书", Instant.parse("2026-02-01T00:00:00Z"), keys.all().get(1));
        assertThat(new SignatureVerifier(keys).check(late).revoked()).isTrue();
    }

    @Test
    void theDemoMakesItsCertificateOnceAndKeepsItAcrossStarts() {
        SealProperties ecdsa = new SealProperties(true, SealAlgorithm.ECDSA_P256, true, dir.toString(), List.of());
        SealKeys first = new SealKeys(ecdsa, "示例市人民政府办公室");
        assertThat(dir.resolve("demo-seal-ecdsa_p256.p12")).exists();
        assertThat(first.signing().certificate().getSubjectX500Principal().getName()).contains("样章");
        assertThat(new SealKeys(ecdsa, "示例市人民政府办公室").signing().fingerprint())
                .isEqualTo(first.signing().fingerprint());
        // Switching the demo to SM2 signs with a new key and still recognises the old one.
        SealKeys sm2 = new SealKeys(new SealProperties(true, SealAlgorithm.SM2, true, dir.toString(), List.of()),
                "示例市人民政府办公室");
        assertThat(sm2.signing().algorithm()).isEqualTo(SealAlgorithm.SM2);
        assertThat(sm2.find(first.signing().certificate())).isPresent();
    }
}
