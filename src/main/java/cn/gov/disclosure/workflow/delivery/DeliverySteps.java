package cn.gov.disclosure.workflow.delivery;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.calendar.StatutoryDeadlines;
import cn.gov.disclosure.delivery.DeliveryService;
import cn.gov.disclosure.notice.NoticeService;
import cn.gov.disclosure.workflow.Actors;

/**
 * The steps of 送达文书 (bean {@code deliverySteps}): each reads the form fields of its task and calls one
 * method of {@link DeliveryService}. Task listeners on "complete", so a refused input refuses the completion
 * with the field's message and nothing is stored.
 */
@Component("deliverySteps")
public class DeliverySteps {

    private final DeliveryService deliveries;
    private final IdentityService identity;

    public DeliverySteps(DeliveryService deliveries, IdentityService identity) {
        this.deliveries = deliveries;
        this.identity = identity;
    }

    /** 邮寄文书 completed: registered number and posting day; the presumption day for the receipt timer. */
    public void posted(DelegateTask task) {
        long id = DeliveryVars.DELIVERY_ID.get(task);
        deliveries.recordPosted(id, DeliveryVars.REGISTERED_NO.text(task), DeliveryVars.POSTED_ON.text(task),
                actor());
        var presumed = deliveries.presumedOn(id);
        DeliveryVars.PRESUMED_AT.set(task, StatutoryDeadlines.endOfDay(presumed));
        DeliveryVars.PRESUMED_ON_TEXT.set(task, NoticeService.chineseDate(presumed));
    }

    /** 登记送达回证 completed: the date on the return receipt. */
    public void receiptReturned(DelegateTask task) {
        deliveries.recordReturnReceipt(DeliveryVars.DELIVERY_ID.get(task), DeliveryVars.RECEIPT_ON.text(task),
                actor());
    }

    /** 登记公文交换 completed: the exchange number and the day the agency received the letter. */
    public void exchanged(DelegateTask task) {
        deliveries.recordLetterReceived(DeliveryVars.DELIVERY_ID.get(task), DeliveryVars.REGISTERED_NO.text(task),
                DeliveryVars.RECEIPT_ON.text(task), actor());
    }

    /** 推定送达: no return receipt by the presumption day. */
    public void presume(DelegateExecution execution) {
        deliveries.presumeDelivered(DeliveryVars.DELIVERY_ID.get(execution));
    }

    /** 改用其他方式送达 completed: a new attempt by the chosen channel continues this process. */
    public void fallbackChosen(DelegateTask task) {
        String channel = DeliveryVars.FALLBACK_CHANNEL.text(task);
        long id = deliveries.chooseFallback(DeliveryVars.DELIVERY_ID.get(task), channel,
                DeliveryVars.PHONE_NOTE.text(task), actor());
        DeliveryVars.DELIVERY_ID.set(task, id);
        DeliveryVars.PACKAGE_URL.set(task, "/staff/deliveries/" + id + "/package.pdf");
    }

    /** 约定领取或查阅 completed: the appointment. */
    public void collectionArranged(DelegateTask task) {
        deliveries.arrangeCollection(DeliveryVars.DELIVERY_ID.get(task), DeliveryVars.COLLECTION_KIND.text(task),
                DeliveryVars.APPOINTMENT_AT.text(task), DeliveryVars.APPOINTMENT_PLACE.text(task), actor());
    }

    /** 登记当面交付 completed: the day and who signed the 送达回证. */
    public void handedOver(DelegateTask task) {
        deliveries.recordHandOver(DeliveryVars.DELIVERY_ID.get(task), DeliveryVars.HANDED_OVER_ON.text(task),
                DeliveryVars.SIGNED_BY.text(task), actor());
    }

    /** 当场送达答复 completed. */
    public void onTheSpot(DelegateTask task) {
        deliveries.recordOnTheSpot(DeliveryVars.DELIVERY_ID.get(task), DeliveryVars.SIGNED_BY.text(task), actor());
    }

    private String actor() {
        return Actors.current(identity);
    }
}
