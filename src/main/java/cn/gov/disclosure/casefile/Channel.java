package cn.gov.disclosure.casefile;

/** How the application reached the office; decides the date of receipt (Art. 31). */
public enum Channel {
    ONLINE("网络"),
    IN_PERSON("当面"),
    LETTER("信函"),
    REGISTERED_MAIL("挂号信函"),
    FAX("传真"),
    OTHER("其他");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
