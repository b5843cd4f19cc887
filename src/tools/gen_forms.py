#!/usr/bin/env python3
"""Writes the Camunda Forms (form-js schema 16) under bpmn/forms/. Run from the repository root:
python3 src/tools/gen_forms.py"""
import json

SCHEMA = 16

def ro(key, label):
    return {"type": "textfield", "key": key, "label": label, "readonly": True}

def text(md):
    return {"type": "text", "text": md}

def tf(key, label, required=False, maxlen=None, pattern=None, desc=None):
    c = {"type": "textfield", "key": key, "label": label}
    v = {}
    if required: v["required"] = True
    if maxlen: v["maxLength"] = maxlen
    if pattern: v["pattern"] = pattern
    if v: c["validate"] = v
    if desc: c["description"] = desc
    return c

def ta(key, label, required=False, maxlen=2000, desc=None):
    c = tf(key, label, required, maxlen, desc=desc)
    c["type"] = "textarea"
    return c

def choice(kind, key, label, values, required=True, default=None, desc=None):
    c = {"type": kind, "key": key, "label": label,
         "values": [{"label": l, "value": v} for v, l in values]}
    if required: c["validate"] = {"required": True}
    if default: c["defaultValue"] = default
    if desc: c["description"] = desc
    return c

CASE = [ro("caseNo", "案件编号"), ro("applicantName", "申请人"), ro("applicantTypeLabel", "申请人类型"),
        ro("receivedOnText", "收到申请日期"), ro("dueOnText", "答复期限（第三十三条）"),
        {"type": "textarea", "key": "requestDescription", "label": "申请获取的政府信息", "readonly": True},
        ro("requestedFormLabel", "提供形式与获取方式")]

def form(id, components):
    for i, c in enumerate(components):
        c["id"] = f"{id}_{c.get('key', 'text')}_{i}"
    doc = {"id": id, "type": "default", "schemaVersion": SCHEMA, "executionPlatform": "Camunda Platform",
           "executionPlatformVersion": "7.24.0", "components": components}
    with open(f"bpmn/forms/{id}.form", "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")

form("register-application", [
    text("### 登记政府信息公开申请\n用于登记信函、传真、当面等渠道收到的申请（《条例》第二十九条、第三十一条）。"
         "网络申请由申请人在网上提交，无需在此登记。"),
    choice("select", "channel", "申请渠道", [("IN_PERSON", "当面"), ("LETTER", "信函（平常信函）"),
           ("REGISTERED_MAIL", "挂号信函、EMS 等需签收的邮件"), ("FAX", "传真"), ("ONLINE", "网络"), ("OTHER", "其他")]),
    {"type": "datetime", "subtype": "date", "key": "receivedOn", "dateLabel": "收到申请日期",
     "description": "当面：提交之日；需签收的邮件：签收之日；平常信函：与申请人确认之日；传真、网络：双方确认之日（第三十一条）",
     "validate": {"required": True}},
    choice("select", "applicantType", "申请人类型", [("NATURAL_PERSON", "自然人"), ("COMMERCIAL_ENTERPRISE", "商业企业"),
           ("RESEARCH_INSTITUTION", "科研机构"), ("PUBLIC_INTEREST_ORGANIZATION", "社会公益组织"),
           ("LEGAL_SERVICE_ORGANIZATION", "法律服务机构"), ("OTHER_ORGANIZATION", "其他组织")]),
    tf("applicantName", "申请人姓名或名称", True, 100),
    choice("select", "idType", "身份证明类型", [("RESIDENT_ID_CARD", "居民身份证"),
           ("UNIFIED_SOCIAL_CREDIT_CODE", "统一社会信用代码"), ("PASSPORT", "护照"), ("OTHER", "其他证件")]),
    tf("idNumber", "身份证明号码", True, 40),
    tf("contactPerson", "联系人（法人或其他组织必填）", False, 50),
    tf("phone", "联系电话", False, 20),
    tf("email", "电子邮箱", False, 254, desc="电子邮箱与通信地址至少填写一项"),
    tf("address", "通信地址", False, 200),
    tf("postalCode", "邮政编码", False, 6, "^\\d{6}$"),
    ta("description", "所需政府信息的名称、文号或便于查询的其他特征性描述", True, 2000),
    tf("documentNumber", "文号", False, 100),
    choice("radio", "form", "所需信息的提供形式", [("PAPER", "纸质"), ("ELECTRONIC", "电子")]),
    choice("radio", "delivery", "获取信息的方式", [("POST", "邮寄"), ("EMAIL", "电子邮件"), ("PICKUP", "当面领取"),
           ("ONLINE", "网上获取")]),
    ta("feeWaiverReason", "申请减免费用的理由（如有）", False, 1000),
    {"type": "checkbox", "key": "filledInByStaff", "label": "申请人书写确有困难，由工作人员代为填写（第二十九条第一款）"},
])

form("review-completeness", CASE + [
    text("请审查申请是否载明申请人信息、所需政府信息的描述以及提供形式和获取方式（第二十九条第二款）。"
         "内容不明确的，须在七个工作日内一次性告知补正（第三十条）。"),
    choice("radio", "completeness", "审查结论", [("COMPLETE", "申请内容明确，予以办理"),
           ("NEEDS_CORRECTION", "申请内容不明确，需要补正")]),
    ta("reviewNotes", "审查意见（需要补正的，逐项写明补正事项）", False, 2000),
])

form("await-correction", CASE + [
    {"type": "textarea", "key": "reviewNotes", "label": "已告知的补正事项", "readonly": True},
    ro("correctByText", "补正期限"),
    text("申请人在网上提交补正的，系统自动完成本任务。以信函、当面等方式补正的，请登记补正后的申请内容和收到日期；"
         "答复期限自收到补正之日起重新计算（第三十条）。逾期未补正的，系统在期限届满时发出视为放弃申请告知书。"),
    ta("correctedDescription", "补正后的申请内容", True, 2000),
    {"type": "datetime", "subtype": "date", "key": "correctionReceivedOn", "dateLabel": "收到补正的日期",
     "validate": {"required": True}},
])

form("search-information", CASE + [
    text("检索本机关掌握的相关政府信息（第三十三条）。不需要另行制作或者对现有政府信息进行加工、分析（第三十八条）。"),
    ta("searchNotes", "检索情况（检索范围、结果、涉及的其他机关或第三方）", True, 2000),
    text("**征求意见**（征求意见期间答复期限中止计算，第三十二条、第三十四条）"),
    {"type": "checkbox", "key": "consultAgencies", "label": "与其他机关共同制作，征求其他机关意见（第三十四条）"},
    ro("agencyDirectoryText", "机关名录（代码 名称）"),
    tf("agencyCodes", "征求意见的机关代码（多个用逗号分隔）", False, 200),
    {"type": "checkbox", "key": "consultThirdParty", "label": "公开可能损害第三方合法权益，征求第三方意见（第三十二条）"},
    tf("thirdPartyName", "第三方姓名或名称", False, 200),
    tf("thirdPartyEmail", "第三方电子邮箱（没有的，填写通信地址，由经办人邮寄征询函）", False, 254),
    tf("thirdPartyAddress", "第三方通信地址", False, 200),
    ta("informationConcerned", "需要征求意见的具体信息", False, 2000),
])

CONSULTED = [ro("caseNo", "案件编号"), ro("consultedParty", "被征求意见方"), ro("answerByText", "答复期限"),
             {"type": "textarea", "key": "informationConcerned", "label": "征求意见的信息", "readonly": True},
             {"type": "textarea", "key": "consultationStatus", "label": "各方答复情况", "readonly": True}]

form("record-agency-answer", CONSULTED + [
    text("登记被征求意见机关的书面意见。机关通过邮件中的链接在线答复的，系统已自动登记，本任务将自动完成。"
         "逾期未提出意见的，视为同意公开（第三十四条）。"),
    choice("radio", "answerOutcome", "机关意见", [("AGREES", "同意公开"), ("OBJECTS", "不同意公开")]),
    ta("answerOpinion", "意见内容或理由", False, 2000),
])

form("record-third-party-answer", CONSULTED + [
    text("[第三方意见征询函（PDF）]({{thirdPartyLetterUrl}})　没有电子邮箱的，请打印后邮寄。"
         "逾期未提出意见的，由本机关依法决定（第三十二条）。"),
    choice("radio", "answerOutcome", "第三方意见", [("AGREES", "同意公开"), ("OBJECTS", "不同意公开")]),
    ta("answerOpinion", "意见内容或理由（不同意公开的必填）", False, 2000),
])

form("decide-public-interest", CONSULTED + [
    {"type": "textarea", "key": "answerOpinion", "label": "第三方不同意公开的理由", "readonly": True},
    text("第三方不同意公开且有合理理由的，不予公开；认为不公开可能对公共利益造成重大影响的，可以决定予以公开，"
         "并将决定公开的内容和理由书面告知第三方（第十五条、第三十二条）。"),
    choice("radio", "publicInterestDecision", "决定", [("UPHOLD", "尊重第三方意见，不予公开"),
           ("OVERRIDE", "不公开会对公共利益造成重大影响，决定公开")]),
    ta("publicInterestReason", "理由（决定公开的必填，将书面告知第三方）", False, 2000),
])

form("secrecy-review", CASE + [
    ro("replyTypeLabel", "拟答复类型"),
    text("[打开答复书草稿（PDF）]({{draftNoticeUrl}})"),
    {"type": "textarea", "key": "disclosureDetails", "label": "拟提供的信息", "readonly": True},
    text("依照《中华人民共和国保守国家秘密法》等规定审查拟公开的信息（《条例》第十七条）。不能确定是否可以公开的，"
         "报有关主管部门或者保密行政管理部门确定。"),
    choice("radio", "secrecyOutcome", "审查结论", [("CLEARED", "不涉及国家秘密等不得公开的内容，可以公开"),
           ("SENT_BACK", "不能按此公开，退回经办人")]),
    {"type": "checkbox", "key": "referredToSecrecyAdministration", "label": "已报有关主管部门或保密行政管理部门确定"},
    ta("secrecyComment", "审查意见（退回的须写明理由；已报请确定的写明部门和结果）", False, 2000),
])

CATALOGUE = json.load(open("templates/catalogue/replies.json", encoding="utf-8"))

def draft_link():
    return text("[打开答复书草稿（PDF）]({{draftNoticeUrl}})　如浏览器提示登录，请使用本系统的用户名和密码。")

form("decide-reply", CASE + [
    {"type": "textarea", "key": "checkerProblems", "label": "答复书核验发现的问题（如有）", "readonly": True},
    ta("legalComment", "法制审核退回意见（如有）", False, 2000),
    {"type": "textarea", "key": "secrecyComment", "label": "保密审查意见（如有）", "readonly": True},
    {"type": "textarea", "key": "consultationStatus", "label": "征求意见结果（如有）", "readonly": True},
    choice("select", "replyType", "答复类型",
           [(t["code"], t["label"] + "（" + "、".join(t["articles"]) + "）") for t in CATALOGUE["replyTypes"]
            if t["selectable"]],
           desc="予以公开、已主动公开以外的答复，须经法制审核后送达"),
    text("**不予公开或部分公开的理由**（可多选，仅适用于不予公开、部分公开）"),
] + [{"type": "checkbox", "key": "withhold_" + r["code"], "label": r["label"] + "（" + r["article"] + "）"}
     for r in CATALOGUE["withholdingReasons"]] + [
    ta("disclosureDetails", "提供的信息、获取方式或途径（予以公开、部分公开、已主动公开等须填写）", False, 2000),
    tf("referralAgency", "负责公开该信息的机关（不属于本机关负责公开的须填写）", False, 100),
    tf("referralContact", "该机关的联系方式（能够确定的）", False, 200),
    ta("reasoning", "答复理由（说理，将写入答复书；不予公开、无法提供、不予处理等须写明）", False, 2000),
])

form("confirm-reply", CASE + [
    ro("replyTypeLabel", "答复类型"),
    draft_link(),
    text("请通读答复书草稿，核对申请内容、答复类型、法律依据、理由和救济途径。"),
    choice("radio", "confirmation", "核对结果", [("SUBMIT", "确认无误，提交（须法制审核的将送法制审核）"),
           ("REVISE", "需要修改，退回重新拟定")]),
])

form("legal-review", CASE + [
    ro("replyTypeLabel", "拟答复类型"),
    draft_link(),
    {"type": "textarea", "key": "reasoning", "label": "经办人说理", "readonly": True},
    {"type": "textarea", "key": "searchNotes", "label": "检索情况", "readonly": True},
    choice("radio", "legalOutcome", "审核结论", [("APPROVED", "同意答复"), ("RETURNED", "退回修改")]),
    ta("legalComment", "审核意见（退回时必须写明修改要求）", False, 2000),
])

form("register-appeal", [
    text("### 登记行政复议或行政诉讼\n收到复议机关送达的行政复议申请书副本或人民法院送达的起诉状副本后登记。"),
    tf("caseNo", "案件编号", True, 40),
    choice("radio", "appealKind", "类型", [("RECONSIDERATION", "行政复议"), ("LAWSUIT", "行政诉讼")]),
    tf("appealBody", "复议机关或人民法院", True, 200),
    tf("appealReference", "案号", False, 100),
    {"type": "datetime", "subtype": "date", "key": "appealReceivedOn", "dateLabel": "收到申请书副本或起诉状副本的日期",
     "validate": {"required": True}},
    {"type": "checkbox", "key": "simplified", "label": "行政复议适用简易程序（五日内答复）"},
    {"type": "checkbox", "key": "afterReconsideration", "label": "行政诉讼系经复议后起诉"},
])

APPEAL = [ro("caseNo", "案件编号"), ro("applicantName", "申请人"), ro("appealLabel", "类型"),
          ro("answerDueText", "书面答复（答辩）期限")]

form("prepare-appeal-answer", APPEAL + [
    text("行政复议：提出书面答复并提交当初作出答复的证据、依据和其他有关材料；行政诉讼：提交答辩状和作出行政行为的证据、"
         "所依据的规范性文件。逾期未提交的，视为没有证据、依据。"),
    ta("answerNotes", "提交情况（日期、材料清单）", True, 2000),
])

form("record-appeal-progress", APPEAL + [
    ta("hearingNotes", "审理情况（听证、庭审日期等）", True, 2000),
    choice("radio", "appealOutcome", "结果", [("PENDING", "尚未审结"), ("UPHELD", "维持"), ("CORRECTED", "纠正"),
           ("OTHER", "其他结果（驳回、撤回、和解等）")]),
    {"type": "datetime", "subtype": "date", "key": "decidedOn", "dateLabel": "决定或判决、裁定日期"},
    {"type": "number", "key": "correctionWorkingDays", "label": "纠正的：决定要求重新答复的期限（工作日）"},
])
form("extension-request", [
    text("### 申请延长答复期限\n不能在二十个工作日内答复的，经政府信息公开工作机构负责人同意，可以延长答复期限，"
         "延长的期限最长不得超过二十个工作日，并告知申请人（《条例》第三十三条第二款）。每件申请只能延长一次。"),
    tf("caseNo", "案件编号", True, 40),
    {"type": "number", "key": "extensionDays", "label": "延长的工作日数", "defaultValue": 20,
     "validate": {"required": True, "min": 1, "max": 20}},
    ta("extensionReason", "延期理由（将写入延期告知书）", True, 500),
])

form("approve-extension", [ro("caseNo", "案件编号"), ro("applicantName", "申请人"),
    {"type": "textarea", "key": "requestDescription", "label": "申请获取的政府信息", "readonly": True},
    ro("dueOnText", "现答复期限"),
    {"type": "number", "key": "extensionDays", "label": "申请延长的工作日数", "readonly": True},
    {"type": "textarea", "key": "extensionReason", "label": "延期理由", "readonly": True},
    choice("radio", "extensionDecision", "审批意见", [("APPROVED", "同意延期"), ("REFUSED", "不同意延期")]),
    ta("headComment", "负责人意见", False, 1000),
])

form("supervise-overdue-case", [ro("caseNo", "案件编号"), ro("applicantName", "申请人"),
    ro("dueOnText", "答复期限"), ro("openTasks", "到期时的待办环节"),
    text("该案件已到答复期限最后一日仍未答复。请督促经办人当日答复；逾期答复的，申请人可以申请行政复议或提起行政诉讼。"),
    ta("supervisionNotes", "督办意见", True, 1000),
])
print("forms written")
