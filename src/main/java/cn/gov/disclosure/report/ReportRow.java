package cn.gov.disclosure.report;

import cn.gov.disclosure.common.Texts;

/**
 * The rows of Table 3 of the national annual-report format (国办公开办函〔2021〕30号), in order. The codes of
 * the outcome rows are the {@code annualReportRow} values of the reply catalogue.
 */
public enum ReportRow {
    NEW,
    CARRIED_OVER,
    DISCLOSED,
    PARTIALLY_DISCLOSED,
    WITHHELD_STATE_SECRET,
    WITHHELD_PROHIBITED_BY_LAW,
    WITHHELD_SECURITY_STABILITY,
    WITHHELD_THIRD_PARTY,
    WITHHELD_INTERNAL_AFFAIRS,
    WITHHELD_PROCESS_INFORMATION,
    WITHHELD_ENFORCEMENT_FILES,
    WITHHELD_ADMINISTRATIVE_QUERY,
    CANNOT_PROVIDE_NOT_HELD,
    CANNOT_PROVIDE_NEEDS_CREATION,
    CANNOT_PROVIDE_STILL_UNCLEAR,
    NOT_PROCESSED_PETITION,
    NOT_PROCESSED_REPEAT,
    NOT_PROCESSED_PUBLICATION,
    NOT_PROCESSED_EXCESSIVE,
    NOT_PROCESSED_CONFIRM_OR_REISSUE,
    OTHER_NO_CORRECTION,
    OTHER_FEE_NOT_PAID,
    OTHER_OTHER,
    HANDLED_TOTAL,
    CARRIED_FORWARD;

    public String label() {
        return Texts.get("labels.ReportRow." + name());
    }

    public boolean isOutcome() {
        return ordinal() >= DISCLOSED.ordinal() && ordinal() <= OTHER_OTHER.ordinal();
    }
}
