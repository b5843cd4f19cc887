package cn.gov.disclosure.notice;

import java.time.LocalDate;
import java.util.List;

/** One issued notice of a given type (and, for replies, reply type), as the tests of the checker and layout need. */
final class NoticeSamples {

    static final LocalDate BY = LocalDate.of(2026, 12, 14);

    /** What the NOT_HELD sample says it searched (the checker must find it on the notice). */
    static final String SEARCH_SUMMARY = "2026年11月20日检索了本机关公文管理系统、档案室，询问了规划科，检索关键词“立项批复”，未找到";
    static final String NOT_HELD_REASONING = "经检索本机关公文管理系统和档案室，并询问业务科室，未发现该文件。";

    /** A sample: the notice type, and for a reply its reply type. */
    record Sample(NoticeType type, String replyType) {
        @Override
        public String toString() {
            return replyType == null ? type.name() : type.name() + "/" + replyType;
        }
    }

    static List<Sample> all() {
        List<Sample> samples = new java.util.ArrayList<>();
        for (NoticeType t : NoticeType.values()) {
            if (t == NoticeType.REPLY) {
                samples.add(new Sample(t, "DISCLOSED"));
                samples.add(new Sample(t, "NOT_DISCLOSED"));
                samples.add(new Sample(t, "NOT_HELD"));
                samples.add(new Sample(t, "OTHER_AGENCY"));
                samples.add(new Sample(t, "SEPARATE_ACCESS_REGIME"));
            } else {
                samples.add(new Sample(t, null));
            }
        }
        return samples;
    }

    static ReplyDraft draft(String replyType) {
        return switch (replyType) {
            case "NOT_DISCLOSED" -> new ReplyDraft(replyType, List.of("STATE_SECRET"),
                    "该文件经定密机关依法确定为秘密级国家秘密，不属于可以公开的政府信息。", null, null, null);
            // 本机关不掌握 (Art. 36(4)) answers as one item with its search record, as the process sends it.
            case "NOT_HELD" -> new ReplyDraft(replyType, List.of(), NOT_HELD_REASONING, null, null, null,
                    List.of(new ReplyDraft.Item(1, "某项目的立项批复文件及其附件", replyType, List.of(), NOT_HELD_REASONING,
                            null, null, null, SEARCH_SUMMARY)));
            case "OTHER_AGENCY" -> new ReplyDraft(replyType, List.of(), "该信息由示例市生态环境局制作并保存，依法由其负责公开。",
                    null, "示例市生态环境局", "0000-1112222");
            case "SEPARATE_ACCESS_REGIME" -> new ReplyDraft(replyType, List.of(),
                    "不动产登记资料的查询依照《不动产登记暂行条例》办理，不适用政府信息公开程序。",
                    "请持身份证明到示例市不动产登记中心查询", null, null);
            default -> new ReplyDraft(replyType, List.of(), null, "文件电子版一份，请查收", null, null);
        };
    }

    static Notice issue(NoticeService notices, Sample s, String caseNo) {
        return switch (s.type()) {
            case ACKNOWLEDGMENT -> notices.issueAcknowledgment(caseNo, "ABCD-EFGH-JKLM-NPQR");
            case CORRECTION -> notices.issueCorrectionNotice(caseNo, "请写明所需文件的名称、文号或者形成时间，以便本机关查找。", BY);
            case ABANDONED -> notices.issueAbandonment(caseNo, LocalDate.of(2026, 11, 25), BY);
            case EXTENSION -> notices.issueExtension(caseNo, 17, "需要调取的档案分散在多个科室，须逐卷查阅、核对。");
            case THIRD_PARTY_CONSULTATION -> notices.issueThirdPartyConsultation(caseNo, "某某科技有限公司",
                    "legal@thirdparty.example.cn", "贵公司提交的环境影响报告书中的工艺参数和排放数据", BY);
            case AGENCY_CONSULTATION -> notices.issueAgencyConsultation(caseNo, "示例市自然资源和规划局",
                    "gk@zrzy.example.cn", "两机关联合印发的土地征收补偿安置方案", BY);
            case PUBLIC_INTEREST_DISCLOSURE -> notices.issuePublicInterestDisclosure(caseNo, "某某科技有限公司",
                    "legal@thirdparty.example.cn", "报告中的污染物排放数据", "排放数据关系周边居民的身体健康，不公开会对公共利益造成重大影响");
            case FEE -> notices.issueFeeNotice(caseNo, FeeCalculator.Method.BY_VOLUME, 150, BY);
            case REASONS_REQUEST -> notices.issueReasonsRequest(caseNo, "本月已提交申请四十件，内容多为同一事项的不同表述。", BY);
            case DEFERRAL -> notices.issueDeferral(caseNo, 20, BY, 0);
            case REPLY -> notices.issueReply(caseNo, draft(s.replyType()));
        };
    }

    private NoticeSamples() {
    }
}
