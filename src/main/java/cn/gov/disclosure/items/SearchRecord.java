package cn.gov.disclosure.items;

import java.time.LocalDate;

/**
 * 检索记录: where and how one item was searched — systems, archives and departments asked ({@code places}), the
 * keywords, the day and who searched. Required before a 本机关不掌握 reply goes out.
 */
public record SearchRecord(String places, String keywords, LocalDate searchedOn, String searchedBy) {

    public boolean complete() {
        return present(places) && present(keywords) && searchedOn != null && present(searchedBy);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
