package cn.gov.disclosure.delivery;

/**
 * Port to the engine: starts the clerk's work for a delivery by hand (post, collection or viewing, on the spot,
 * exchange system) or for choosing another way after e-mail failed. Implemented in workflow/delivery.
 */
public interface DeliveryWork {

    /** Starts the work; {@code fallback} asks the clerk first to choose another way to deliver. */
    void start(String caseNo, long deliveryId, DeliveryChannel channel, boolean fallback);
}
