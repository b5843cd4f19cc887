package cn.gov.disclosure.seal;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.springframework.stereotype.Component;

/**
 * Checks the last signature of a PDF: the CMS signature over the signed byte ranges, whether those ranges
 * cover the whole file, and whose certificate signed it. Never throws for a bad upload.
 */
@Component
public class SignatureVerifier {

    private final SealKeys keys;

    public SignatureVerifier(SealKeys keys) {
        this.keys = keys;
    }

    public SignatureCheck check(byte[] pdf) {
        SignatureCheck raw = verify(pdf);
        if (raw.certificate() == null) {
            return raw;
        }
        return new SignatureCheck(raw.status(), raw.certificate(), keys.find(raw.certificate()).orElse(null),
                raw.signedAt());
    }

    /** The verdict without judging whose key it is (usable without configured keys). */
    public static SignatureCheck verify(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return new SignatureCheck(SignatureCheck.Status.UNSIGNED, null, null, null);
            }
            PDSignature sig = signatures.get(signatures.size() - 1);
            Instant signedAt = sig.getSignDate() == null ? null : sig.getSignDate().toInstant();
            X509Certificate cert = null;
            try {
                int[] range = sig.getByteRange();
                CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(pdf)),
                        sig.getContents(pdf));
                SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
                if (matches.isEmpty()) {
                    return new SignatureCheck(SignatureCheck.Status.BROKEN, null, null, signedAt);
                }
                cert = new JcaX509CertificateConverter().setProvider(BouncyCastle.provider())
                        .getCertificate(matches.iterator().next());
                boolean valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                        .setProvider(BouncyCastle.provider()).build(cert));
                if (!valid) {
                    return new SignatureCheck(SignatureCheck.Status.BROKEN, cert, null, signedAt);
                }
                boolean whole = range.length == 4 && range[0] == 0 && (long) range[2] + range[3] == pdf.length;
                return new SignatureCheck(whole ? SignatureCheck.Status.INTACT
                        : SignatureCheck.Status.MODIFIED_AFTER_SIGNING, cert, null, signedAt);
            } catch (Exception e) {
                // A digest mismatch, a damaged CMS structure or a broken byte range all mean: altered.
                return new SignatureCheck(SignatureCheck.Status.BROKEN, cert, null, signedAt);
            }
        } catch (IOException e) {
            return new SignatureCheck(SignatureCheck.Status.NOT_PDF, null, null, null);
        }
    }
}
