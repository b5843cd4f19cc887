package cn.gov.disclosure.calendar;

/** Why the reply clock stops (time not counted in the reply period). */
public enum PauseReason {
    /** 征求第三方意见, Art. 32. */
    THIRD_PARTY_CONSULTATION("征求第三方意见", "《条例》第三十二条"),
    /** 征求其他机关意见, Art. 34. */
    AGENCY_CONSULTATION("征求其他机关意见", "《条例》第三十四条"),
    /** 等待缴纳信息处理费, Art. 42 (only if configured to stop the clock). */
    FEE_PAYMENT("等待缴纳信息处理费", "《条例》第四十二条、国办函〔2020〕109号");

    private final String label;
    private final String basis;

    PauseReason(String label, String basis) {
        this.label = label;
        this.basis = basis;
    }

    public String label() {
        return label;
    }

    public String basis() {
        return basis;
    }
}
