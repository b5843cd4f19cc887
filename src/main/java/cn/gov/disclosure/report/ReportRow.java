package cn.gov.disclosure.report;

/**
 * The rows of Table 3 of the national annual-report format (国办公开办函〔2021〕30号), in order. The codes of
 * the outcome rows are the {@code annualReportRow} values of the reply catalogue.
 */
public enum ReportRow {
    NEW("一、本年新收政府信息公开申请数量"),
    CARRIED_OVER("二、上年结转政府信息公开申请数量"),
    DISCLOSED("三、本年度办理结果（一）予以公开"),
    PARTIALLY_DISCLOSED("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    WITHHELD_STATE_SECRET("（三）不予公开 1.属于国家秘密"),
    WITHHELD_PROHIBITED_BY_LAW("（三）不予公开 2.其他法律行政法规禁止公开"),
    WITHHELD_SECURITY_STABILITY("（三）不予公开 3.危及“三安全一稳定”"),
    WITHHELD_THIRD_PARTY("（三）不予公开 4.保护第三方合法权益"),
    WITHHELD_INTERNAL_AFFAIRS("（三）不予公开 5.属于三类内部事务信息"),
    WITHHELD_PROCESS_INFORMATION("（三）不予公开 6.属于四类过程性信息"),
    WITHHELD_ENFORCEMENT_FILES("（三）不予公开 7.属于行政执法案卷"),
    WITHHELD_ADMINISTRATIVE_QUERY("（三）不予公开 8.属于行政查询事项"),
    CANNOT_PROVIDE_NOT_HELD("（四）无法提供 1.本机关不掌握相关政府信息"),
    CANNOT_PROVIDE_NEEDS_CREATION("（四）无法提供 2.没有现成信息需要另行制作"),
    CANNOT_PROVIDE_STILL_UNCLEAR("（四）无法提供 3.补正后申请内容仍不明确"),
    NOT_PROCESSED_PETITION("（五）不予处理 1.信访举报投诉类申请"),
    NOT_PROCESSED_REPEAT("（五）不予处理 2.重复申请"),
    NOT_PROCESSED_PUBLICATION("（五）不予处理 3.要求提供公开出版物"),
    NOT_PROCESSED_EXCESSIVE("（五）不予处理 4.无正当理由大量反复申请"),
    NOT_PROCESSED_CONFIRM_OR_REISSUE("（五）不予处理 5.要求行政机关确认或重新出具已获取信息"),
    OTHER_NO_CORRECTION("（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    OTHER_FEE_NOT_PAID("（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    OTHER_OTHER("（六）其他处理 3.其他"),
    HANDLED_TOTAL("（七）总计"),
    CARRIED_FORWARD("四、结转下年度继续办理");

    private final String label;

    ReportRow(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOutcome() {
        return ordinal() >= DISCLOSED.ordinal() && ordinal() <= OTHER_OTHER.ordinal();
    }
}
