package cn.gov.disclosure.calendar;

/** How the national calendar classifies one day. */
public enum DayKind {
    /** 工作日: Monday to Friday without a holiday. */
    WORKDAY("工作日"),
    /** 休息日: Saturday or Sunday without a make-up shift. */
    WEEKEND("周末休息日"),
    /** 法定节假日（含调休放假）. */
    HOLIDAY("法定节假日"),
    /** 调休上班日: a weekend day announced as a working day. */
    MAKE_UP_WORKDAY("调休上班日");

    private final String label;

    DayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isWorking() {
        return this == WORKDAY || this == MAKE_UP_WORKDAY;
    }
}
