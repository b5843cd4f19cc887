package cn.gov.disclosure.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Check digits of Chinese identity numbers, and masking for lists and logs. */
public final class IdentityNumbers {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private IdentityNumbers() {
    }

    /** GB 11643-1999: 17 digits, a valid birth date, and the ISO 7064 MOD 11-2 check character. */
    public static boolean isValidResidentId(String id) {
        if (id == null || !id.matches("\\d{17}[\\dX]")) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.parse(id.substring(6, 14), BIRTH);
            if (birth.getYear() < 1900) {
                return false;
            }
        } catch (DateTimeParseException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11) == id.charAt(17);
    }

    /** GB 32100-2015: 18 characters from the code's alphabet with the MOD 31 check character. */
    public static boolean isValidCreditCode(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = USCC_CHARS.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return USCC_CHARS.charAt(check) == code.charAt(17);
    }

    /** Keeps the first 3 and last 2 characters: 110***********2X. */
    public static String mask(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        if (id.length() <= 5) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 5) + id.substring(id.length() - 2);
    }
}
