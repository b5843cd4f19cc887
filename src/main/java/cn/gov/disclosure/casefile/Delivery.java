package cn.gov.disclosure.casefile;

/** How the applicant wants to obtain the information (Art. 29(3)). */
public enum Delivery {
    EMAIL("电子邮件"),
    POST("邮寄"),
    PICKUP("当面领取"),
    ONLINE("网上获取");

    private final String label;

    Delivery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
