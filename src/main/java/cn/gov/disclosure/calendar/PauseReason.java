package cn.gov.disclosure.calendar;

import cn.gov.disclosure.common.Texts;

/** Why the reply clock stops (time not counted in the reply period). */
public enum PauseReason {
    /** 征求第三方意见, Art. 32. */
    THIRD_PARTY_CONSULTATION,
    /** 征求其他机关意见, Art. 34. */
    AGENCY_CONSULTATION,
    /** 等待缴纳信息处理费, Art. 42 (only if configured to stop the clock). */
    FEE_PAYMENT;

    public String label() {
        return Texts.get("labels.PauseReason." + name());
    }

    public String basis() {
        return Texts.get("labels.PauseReason." + name() + ".basis");
    }
}
