package cn.gov.disclosure.delivery;

import cn.gov.disclosure.common.Texts;

/** How one notice is served (送达) on its addressee (Art. 29(3): post, e-mail, collection; Arts. 33, 40). */
public enum DeliveryChannel {
    /** 电子邮件送达: with the PDF; delivered when the recipient's mail server accepts it. */
    EMAIL,
    /** 邮寄送达: registered mail (挂号信/EMS); delivered on the date of the return receipt (送达回证). */
    POST,
    /** 自行领取: collected at the office at an appointment; the applicant signs the 送达回证. */
    COLLECTION,
    /** 查阅: information read (and copied) at the office at an appointment (Art. 40). */
    VIEWING,
    /** 当场答复: answered at the counter on the day of the application (Art. 33(1)). */
    ON_THE_SPOT,
    /** 公文交换: the government document exchange system, for letters to other agencies. */
    EXCHANGE;

    public String label() {
        return Texts.get("delivery.channel." + name());
    }

    /** Channels that need a clerk (and so a task), as opposed to the outbox. */
    public boolean byHand() {
        return this != EMAIL;
    }
}
