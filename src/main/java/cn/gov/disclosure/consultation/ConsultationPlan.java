package cn.gov.disclosure.consultation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What the clerk plans in 检索查找政府信息: whether to consult other agencies (Art. 34) and which, whether to
 * consult a third party (Art. 32) and how to reach it, and which information the consultation is about.
 * Text fields are as typed (trimmed; blank means absent).
 */
public record ConsultationPlan(boolean consultAgencies, String agencyCodes, boolean consultThirdParty,
                               String thirdPartyName, String thirdPartyEmail, String thirdPartyAddress,
                               String informationConcerned) {

    public ConsultationPlan {
        agencyCodes = clean(agencyCodes);
        thirdPartyName = clean(thirdPartyName);
        thirdPartyEmail = clean(thirdPartyEmail);
        thirdPartyAddress = clean(thirdPartyAddress);
        informationConcerned = clean(informationConcerned);
    }

    public boolean consults() {
        return consultAgencies || consultThirdParty;
    }

    /**
     * The agency codes, upper-cased, without repeats, split on commas, 、, semicolons or spaces; the form's list of
     * agencies submits its choice as a JSON list (["ZRZY","FGW"]), read the same way.
     */
    public List<String> agencyCodeList() {
        return codes(agencyCodes);
    }

    static List<String> codes(String text) {
        if (text == null) {
            return List.of();
        }
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(text.split("[\\[\\]\",，、;；\\s]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).toList()));
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
