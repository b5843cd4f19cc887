package cn.gov.disclosure.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The case history as legal review reads it: Beijing time, Chinese names, and the latest events when it is long. */
class CaseHistoryTest {

    private static CaseEvent event(int i, String type, String field, String oldValue, String newValue, String note) {
        return new CaseEvent(i, Instant.parse("2026-11-20T01:30:00Z").plusSeconds(60L * i), i == 0 ? "system" : "clerk",
                type, field, oldValue, newValue, note);
    }

    @Test
    void oneReadableLinePerEventInBeijingTime() {
        String text = CaseHistory.text(List.of(
                event(0, "REGISTERED", null, null, null, "渠道：网上"),
                event(1, "STATUS_CHANGED", "status", "RECEIVED", "IN_PROGRESS", "审查申请内容"),
                event(2, "TASK_COMPLETED", "legalOutcome", "APPROVED", "RETURNED", "法制审核答复意见：请补充检索"),
                event(3, "SOMETHING_NEW", "x", "a", "b", null)), 3900);
        assertThat(text.lines().toList()).containsExactly(
                "2026-11-20 09:30  系统  登记申请（渠道：网上）",
                "2026-11-20 09:31  clerk  办理状态：已收到，正在审查申请内容 → 办理中（审查申请内容）",
                "2026-11-20 09:32  clerk  环节结论：同意答复 → 退回修改（法制审核答复意见：请补充检索）",
                "2026-11-20 09:33  clerk  SOMETHING_NEW：a → b");
    }

    @Test
    void aLongHistoryKeepsTheLatestEventsAndSaysHowManyAreLeftOut() {
        List<CaseEvent> events = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            events.add(event(i, "RECORD_UPLOADED", "record", null, "第" + i + "号文件.pdf", null));
        }
        String text = CaseHistory.text(events, 3900);
        assertThat(text.length()).isLessThanOrEqualTo(3900);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).matches("（较早的\\d+条记录从略，完整记录见案卷）");
        assertThat(lines.get(lines.size() - 1)).endsWith("第200号文件.pdf");
        int omitted = Integer.parseInt(lines.get(0).replaceAll("\\D", ""));
        assertThat(omitted + lines.size() - 1).isEqualTo(200);
    }

    @Test
    void namesFromElsewhereAndNoticesByTheirNote() {
        String text = CaseHistory.text(List.of(
                event(1, "TASK_COMPLETED", "replyType", null, "NOT_HELD", "拟定答复意见"),
                event(2, "NOTICE_DRAFTED", "notice", null, "REPLY", "政府信息公开申请答复书（草稿）")), 3900,
                (field, value) -> "replyType".equals(field) && "NOT_HELD".equals(value) ? "本机关不掌握相关政府信息" : null);
        assertThat(text.lines().toList()).containsExactly(
                "2026-11-20 09:31  clerk  环节结论：（空） → 本机关不掌握相关政府信息（拟定答复意见）",
                "2026-11-20 09:32  clerk  拟制文书（政府信息公开申请答复书（草稿））");
    }
}
