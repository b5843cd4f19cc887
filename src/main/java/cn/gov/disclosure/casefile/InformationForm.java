package cn.gov.disclosure.casefile;

/** The form in which the information is wanted (Art. 29(3)). */
public enum InformationForm {
    ELECTRONIC("电子"),
    PAPER("纸质");

    private final String label;

    InformationForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
