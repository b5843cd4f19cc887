package cn.gov.disclosure.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One rule for the day a notice or letter counts as received when nobody has recorded the real day: the
 * applicant's reply (送达), the correction notice (Art. 30, whose period runs from receipt) and the consultation
 * letters to third parties and agencies (Arts. 32, 34). A return receipt, a signed hand-over or the clerk's entry
 * always replaces the presumed day.
 *
 * <p>The Regulation fixes no presumption (STATUTE.md is silent). Post: {@value #DEFAULT_POST_DAYS} calendar days
 * after sending, the rule the State Council chose for its own agencies' posted documents (商标法实施条例 Art. 10,
 * 专利法实施细则 Art. 4: 自发文之日起满十五日视为/推定送达). The long allowance is on the safe side in every use:
 * it never shortens the applicant's correction or remedy period, nor a third party's 15 working days. E-mail:
 * the day it was sent (it reaches the addressee's system then, cf. 民法典 Art. 137(2)).
 *
 * <p>Properties {@value #POST_DAYS} and {@value #EMAIL_DAYS}. The names used before the rule was unified
 * ({@link #OLD_POST_DAYS}, {@link #OLD_EMAIL_DAYS}) are still read when the new name is not set; if they disagree,
 * the longest (the addressee's favour) wins and a warning says so.
 */
@Component
public class ReceiptPresumption {

    public static final String POST_DAYS = "disclosure.receipt-presumption.post-days";
    public static final String EMAIL_DAYS = "disclosure.receipt-presumption.email-days";
    public static final int DEFAULT_POST_DAYS = 15;
    public static final int DEFAULT_EMAIL_DAYS = 0;
    /** Former names, one per use (delivery, correction notice, consultation letters). */
    static final List<String> OLD_POST_DAYS = List.of("disclosure.delivery.post-presumed-after-days",
            "disclosure.correction.presumed-receipt-days.post", "disclosure.consultation.presumed-receipt-days.post");
    static final List<String> OLD_EMAIL_DAYS = List.of("disclosure.correction.presumed-receipt-days.email",
            "disclosure.consultation.presumed-receipt-days.email");

    private static final Logger log = LoggerFactory.getLogger(ReceiptPresumption.class);

    /** How a notice or letter went out. */
    public enum Means { POST, EMAIL }

    private final int postDays;
    private final int emailDays;

    @Autowired
    public ReceiptPresumption(Environment env) {
        this(days(env, POST_DAYS, OLD_POST_DAYS, DEFAULT_POST_DAYS),
                days(env, EMAIL_DAYS, OLD_EMAIL_DAYS, DEFAULT_EMAIL_DAYS));
    }

    public ReceiptPresumption(int postDays, int emailDays) {
        if (postDays < 0 || emailDays < 0) {
            throw new IllegalStateException(POST_DAYS + " and " + EMAIL_DAYS + " must not be negative");
        }
        this.postDays = postDays;
        this.emailDays = emailDays;
    }

    /** Calendar days after sending at which a notice sent this way counts as received. */
    public int days(Means means) {
        return Objects.requireNonNull(means) == Means.POST ? postDays : emailDays;
    }

    /** The day a notice sent on {@code sentOn} this way counts as received until the real day is known. */
    public LocalDate receivedOn(LocalDate sentOn, Means means) {
        return sentOn.plusDays(days(means));
    }

    private static int days(Environment env, String name, List<String> oldNames, int fallback) {
        Integer set = env.getProperty(name, Integer.class);
        if (set != null) {
            for (String old : oldNames) {
                if (env.containsProperty(old)) {
                    log.warn("{} is ignored: {} is set ({} days)", old, name, set);
                }
            }
            return set;
        }
        Integer chosen = null;
        for (String old : oldNames) {
            Integer value = env.getProperty(old, Integer.class);
            if (value != null) {
                log.warn("{} is a former name of {} (one rule for every notice); please rename it", old, name);
                if (chosen != null && !chosen.equals(value)) {
                    log.warn("The former properties {} disagree; the longest, {} days, is used for every notice",
                            oldNames, Math.max(chosen, value));
                }
                chosen = chosen == null ? value : Math.max(chosen, value);
            }
        }
        return chosen == null ? fallback : chosen;
    }
}
