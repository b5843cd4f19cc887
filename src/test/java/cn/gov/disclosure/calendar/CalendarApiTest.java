package cn.gov.disclosure.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.gov.disclosure.IntegrationTest;

/** GET /api/calendar/deadline and /api/calendar/reply-period over HTTP. */
class CalendarApiTest extends IntegrationTest {

    @Autowired TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void deadlineWithTrace() {
        ResponseEntity<Map> r = http.getForEntity("/api/calendar/deadline?from=2026-09-30&workingDays=1", Map.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("due", "2026-10-08").containsEntry("workingDays", 1);
        List<Map<String, String>> trace = (List<Map<String, String>>) r.getBody().get("trace");
        assertThat(trace).hasSize(7).allMatch(t -> t.get("reason").contains("国庆节"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void replyPeriodWithExtensionAndConsultation() {
        ResponseEntity<Map> r = http.getForEntity("/api/calendar/reply-period?receivedOn=2026-09-18&extensionDays=10"
                + "&pauses=2026-09-24..2026-10-14", Map.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        // 09-20 is a make-up Sunday in 2026 and counts; 09-25 … 10-14 stand still (pause from 09-24).
        assertThat(r.getBody()).containsEntry("due", "2026-11-18").containsEntry("paused", false);
        List<Map<String, String>> trace = (List<Map<String, String>>) r.getBody().get("trace");
        assertThat(trace).anyMatch(t -> t.get("kind").equals("PAUSED") && t.get("reason").contains("第三十三条第三款"));
    }

    @Test
    void badInputIsExplainedInChinese() {
        ResponseEntity<String> r = http.getForEntity("/api/calendar/deadline?from=2026-13-01&workingDays=1",
                String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("from").contains("YYYY-MM-DD");
        ResponseEntity<String> ext = http.getForEntity("/api/calendar/reply-period?receivedOn=2026-09-18"
                + "&extensionDays=30", String.class);
        assertThat(ext.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ext.getBody()).contains("1至20");
        assertThat(http.getForEntity("/api/calendar/deadline?from=2026-01-01", String.class).getBody())
                .contains("workingDays").contains("缺少必填参数");
    }
}
