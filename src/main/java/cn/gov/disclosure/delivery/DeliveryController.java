package cn.gov.disclosure.delivery;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Staff open the print package of a delivery by hand from the Tasklist form (邮寄, 领取, 当场答复). */
@RestController
public class DeliveryController {

    private final PrintPackage packages;

    public DeliveryController(PrintPackage packages) {
        this.packages = packages;
    }

    @GetMapping("/staff/deliveries/{deliveryId}/package.pdf")
    public ResponseEntity<byte[]> printPackage(@PathVariable long deliveryId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("delivery-" + deliveryId + ".pdf").build().toString())
                .body(packages.render(deliveryId));
    }
}
