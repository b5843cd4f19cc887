package cn.gov.disclosure.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;

/** Arts. 32, 34: staff record when a consultation letter arrived; bad input is refused naming the field. */
class ConsultationReceiptApiTest extends IntegrationTest {

    @Autowired TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void art32_34_aReceiptDayIsForStaffAndABadOneIsRefusedNamingItsField() {
        ResponseEntity<Map> anonymous = http.postForEntity("/api/consultations/1/receipt",
                Map.of("receivedOn", "2026-11-20"), Map.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Map> badDate = http.withBasicAuth("clerk", "demo").postForEntity(
                "/api/consultations/1/receipt", Map.of("receivedOn", "2026-02-30"), Map.class);
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) badDate.getBody().get("errors"))
                .anySatisfy(e -> assertThat(e).containsEntry("field", "receivedOn"));

        ResponseEntity<Map> presumed = http.withBasicAuth("clerk", "demo").postForEntity(
                "/api/consultations/1/receipt", Map.of("receivedOn", "2026-11-20", "source", "PRESUMED_POST"),
                Map.class);
        assertThat(presumed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) presumed.getBody().get("errors"))
                .anySatisfy(e -> assertThat(e).containsEntry("field", "source"));

        ResponseEntity<Map> unknown = http.withBasicAuth("clerk", "demo").postForEntity(
                "/api/consultations/999999/receipt", Map.of("receivedOn", "2026-11-20"), Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) unknown.getBody().get("errors"))
                .anySatisfy(e -> assertThat(e.get("message")).contains("未找到"));
    }
}
