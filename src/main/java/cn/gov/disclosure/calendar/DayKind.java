package cn.gov.disclosure.calendar;

import cn.gov.disclosure.common.Texts;

/** How the national calendar classifies one day. */
public enum DayKind {
    /** 工作日: Monday to Friday without a holiday. */
    WORKDAY,
    /** 休息日: Saturday or Sunday without a make-up shift. */
    WEEKEND,
    /** 法定节假日（含调休放假）. */
    HOLIDAY,
    /** 调休上班日: a weekend day announced as a working day. */
    MAKE_UP_WORKDAY;

    public String label() {
        return Texts.get("labels.DayKind." + name());
    }

    public boolean isWorking() {
        return this == WORKDAY || this == MAKE_UP_WORKDAY;
    }
}
