#!/usr/bin/env python3
"""Writes bpmn/disclosure-application.bpmn with its diagram layout.

The model is edited here (nodes, flows, positions) rather than by hand in XML, so that the diagram
interchange stays in step with the process. Run from the repository root: python3 src/tools/gen_bpmn.py
"""
from xml.sax.saxutils import escape, quoteattr

N = []  # (kind, id, name, x, y, attrs, inner, doc)
F = []  # (id, source, target, name, condition, waypoints or None)

def node(kind, id, name, x, y, doc, attrs="", inner=""):
    N.append((kind, id, name, x, y, attrs, inner, doc))

def flow(id, s, t, name=None, cond=None, via=None):
    F.append((id, s, t, name, cond, via))

def status(st):
    return f'<camunda:executionListener expression="${{caseWorkflow.status(execution, \'{st}\')}}" event="start" />'

def outcome(var):
    return f'<camunda:taskListener expression="${{caseWorkflow.recordOutcome(task, \'{var}\')}}" event="complete" />'

def user(id, name, x, y, doc, group, form, due, listeners=""):
    attrs = (f'camunda:candidateGroups="{group}" camunda:formRef="{form}" camunda:formRefBinding="latest" '
             f'camunda:dueDate="{due}"')
    inner = f"<bpmn:extensionElements>{listeners}</bpmn:extensionElements>" if listeners else ""
    node("userTask", id, name, x, y, doc, attrs, inner)

Y = 220
node("startEvent", "ApplicationReceived", "收到申请", 160, Y,
     "《条例》第二十九条、第三十一条：申请人以书面形式（含数据电文）提出申请；收到日期按渠道确定。"
     "工作人员可在 Tasklist 中用此表单登记信函、传真、当面申请，包括为书写困难的申请人代为填写。",
     'camunda:formRef="register-application" camunda:formRefBinding="latest" camunda:initiator="initiator"')
node("serviceTask", "RegisterApplication", "登记申请", 260, Y,
     "《条例》第四十五条：建立登记、审核、办理、答复、归档制度。生成案件编号与查询码，计算答复期限。",
     'camunda:delegateExpression="${registerApplication}"')
node("serviceTask", "IssueAcknowledgment", "出具受理回执", 410, Y,
     "《条例》第三十一条、第三十三条：告知收到日期和答复期限；以电子邮件发送受理回执（PDF）。",
     'camunda:delegateExpression="${issueAcknowledgment}"')
user("ReviewCompleteness", "审查申请内容", 560, Y,
     "《条例》第三十条：申请内容不明确的，应当自收到申请之日起七个工作日内一次性告知补正。",
     "clerk", "review-completeness", "${reviewDueOn}", outcome("completeness"))
node("exclusiveGateway", "CompletenessGateway", "申请内容是否明确？", 710, Y,
     "《条例》第二十九条第二款、第三十条。")
user("RequestCorrectionManually", "人工制作并送达补正告知书", 820, 80,
     "《条例》第三十条。补正流程（补正告知书、补正期限、视为放弃）将在后续版本实现；此前由经办人人工办理，"
     "并在七个工作日内一次性告知申请人需补正的事项。",
     "clerk", "manual-correction", "${reviewDueOn}", status("CORRECTION_REQUIRED"))
node("endEvent", "CorrectionHandledManually", "转人工补正处理", 990, 80,
     "补正阶段由人工继续处理；答复期限自收到补正申请之日起重新计算（第三十条）。")
user("SearchInformation", "检索查找政府信息", 820, Y,
     "《条例》第三十三条、第三十八条：在二十个工作日内检索、调取申请的政府信息；不需要另行制作或加工分析。",
     "clerk", "search-information", "${dueOn}", status("IN_PROGRESS"))
user("DecideReply", "拟定答复意见", 970, Y,
     "《条例》第三十六条、第三十七条：按答复类型拟定意见，说明法律依据和理由。",
     "clerk", "decide-reply", "${dueOn}", outcome("replyType"))
node("exclusiveGateway", "ReplyTypeGateway", "答复类型？", 1120, Y,
     "予以公开直接答复；已主动公开暂由人工答复；其他答复类型须经法制审核。",
     'default="NeedsLegalReviewFlow"')
user("LegalReview", "法制审核答复意见", 1120, 390,
     "不予公开、部分公开、无法提供、不予处理等答复在送达前须经法制审核（《条例》第三十六条、第三十七条，"
     "行政复议法第二十三条）。",
     "legal", "legal-review", "${dueOn}", status("LEGAL_REVIEW") + outcome("legalOutcome"))
node("exclusiveGateway", "LegalReviewGateway", "审核是否通过？", 1270, 390, "退回的，由经办人按审核意见修改后重新提交。")
user("ComposeReplyManually", "人工制作并送达答复书", 1420, 390,
     "该答复类型的通知书模板将在后续版本上线；此前由经办人人工制作并送达，答复书须载明依据、理由和救济途径。",
     "clerk", "manual-reply", "${dueOn}")
node("serviceTask", "SendDisclosureReply", "制作并送达予以公开答复书", 1270, Y,
     "《条例》第三十六条第二项：予以公开的，向申请人提供该政府信息，或者告知获取的方式、途径和时间。",
     'camunda:delegateExpression="${sendDisclosureReply}"')
node("serviceTask", "RecordReply", "登记答复结果", 1570, Y,
     "《条例》第四十五条：记录答复类型和答复日期，开始计算申请行政复议（六十日）和提起行政诉讼（六个月）的期限。",
     'camunda:delegateExpression="${recordReply}"')
node("serviceTask", "ArchiveCase", "归档", 1720, Y, "《条例》第四十五条：答复后归档。",
     'camunda:expression="${caseWorkflow.status(execution, \'ARCHIVED\')}"')
node("eventBasedGateway", "AppealWindowGateway", "等待复议、诉讼期限届满", 1870, Y,
     "行政复议法第二十条（六十日）、行政诉讼法第四十六条（六个月）。")
node("intermediateCatchEvent", "AppealWindowExpired", "复议、诉讼期限届满", 1980, Y,
     "期限最后一日为法定休假日的，顺延至休假日结束后的第一日（民法典第二百零三条）。",
     inner='<bpmn:timerEventDefinition id="AppealWindowTimer"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${appealWindowEnds}</bpmn:timeDate></bpmn:timerEventDefinition>')
node("intermediateCatchEvent", "AppealReceived", "收到复议申请或起诉状", 1980, 390,
     "《条例》第五十一条。复议、诉讼的办理流程将在后续版本实现。",
     inner='<bpmn:messageEventDefinition id="AppealReceivedDefinition" messageRef="AppealReceivedMessage" />')
user("HandleAppealManually", "人工办理复议答复或应诉", 2090, 390,
     "行政复议法第四十八条（十日内书面答复并提交证据、依据）、行政诉讼法第六十七条（十五日内提交答辩状和证据）。"
     "复议、诉讼流程上线前由法制审核人员人工办理。",
     "legal", "handle-appeal", "${deadlines.workingDaysFromToday(10)}")
node("serviceTask", "CloseCase", "结案", 2240, Y, "复议、诉讼期限届满或复议、诉讼办结后结案。",
     'camunda:expression="${caseWorkflow.status(execution, \'CLOSED\')}"')
node("endEvent", "CaseClosed", "案件办结", 2390, Y, "")

flow("f1", "ApplicationReceived", "RegisterApplication")
flow("f2", "RegisterApplication", "IssueAcknowledgment")
flow("f3", "IssueAcknowledgment", "ReviewCompleteness")
flow("f4", "ReviewCompleteness", "CompletenessGateway")
flow("CompleteFlow", "CompletenessGateway", "SearchInformation", "明确", "${completeness == 'COMPLETE'}")
flow("NeedsCorrectionFlow", "CompletenessGateway", "RequestCorrectionManually", "需要补正",
     "${completeness == 'NEEDS_CORRECTION'}")
flow("f5", "RequestCorrectionManually", "CorrectionHandledManually")
flow("f6", "SearchInformation", "DecideReply")
flow("f7", "DecideReply", "ReplyTypeGateway")
flow("DisclosedFlow", "ReplyTypeGateway", "SendDisclosureReply", "予以公开", "${replyType == 'DISCLOSED'}")
flow("AlreadyPublicFlow", "ReplyTypeGateway", "ComposeReplyManually", "已主动公开", "${replyType == 'ALREADY_PUBLIC'}")
flow("NeedsLegalReviewFlow", "ReplyTypeGateway", "LegalReview", "其他答复类型")
flow("f8", "LegalReview", "LegalReviewGateway")
flow("ApprovedFlow", "LegalReviewGateway", "ComposeReplyManually", "通过", "${legalOutcome == 'APPROVED'}")
flow("ReturnedFlow", "LegalReviewGateway", "DecideReply", "退回修改", "${legalOutcome == 'RETURNED'}")
flow("f9", "SendDisclosureReply", "RecordReply")
flow("f10", "ComposeReplyManually", "RecordReply")
flow("f11", "RecordReply", "ArchiveCase")
flow("f12", "ArchiveCase", "AppealWindowGateway")
flow("f13", "AppealWindowGateway", "AppealWindowExpired")
flow("f14", "AppealWindowGateway", "AppealReceived")
flow("f15", "AppealWindowExpired", "CloseCase")
flow("f16", "AppealReceived", "HandleAppealManually")
flow("f17", "HandleAppealManually", "CloseCase")
flow("f18", "CloseCase", "CaseClosed")

SIZE = {"startEvent": (36, 36), "endEvent": (36, 36), "intermediateCatchEvent": (36, 36),
        "exclusiveGateway": (50, 50), "eventBasedGateway": (50, 50)}
def size(kind):
    return SIZE.get(kind, (110, 80))

pos = {}
for kind, id, name, x, y, *_ in N:
    w, h = size(kind)
    pos[id] = (x - w / 2, y - h / 2, w, h)

def anchor(id, side):
    x, y, w, h = pos[id]
    return {"r": (x + w, y + h / 2), "l": (x, y + h / 2), "t": (x + w / 2, y), "b": (x + w / 2, y + h)}[side]

def waypoints(s, t):
    sx, sy, sw, sh = pos[s]; tx, ty, tw, th = pos[t]
    scy, tcy = sy + sh / 2, ty + th / 2
    if abs(scy - tcy) < 1:
        if tx > sx:
            return [anchor(s, "r"), anchor(t, "l")]
        a, b = anchor(s, "b"), anchor(t, "b")
        low = max(sy + sh, ty + th) + 40
        return [a, (a[0], low), (b[0], low), b]
    if tx > sx + sw / 2 + 1:
        a = anchor(s, "t" if tcy < scy else "b")
        b = anchor(t, "l")
        return [a, (a[0], b[1]), b]
    if tx + tw / 2 < sx:  # a loop back to the left: leave sideways, enter from below or above
        a = anchor(s, "l")
        b = anchor(t, "b" if tcy < scy else "t")
        return [a, (b[0], a[1]), b]
    a = anchor(s, "b" if tcy > scy else "t")
    b = anchor(t, "t" if tcy > scy else "b")
    return [a, (a[0], (a[1] + b[1]) / 2), (b[0], (a[1] + b[1]) / 2), b] if abs(a[0] - b[0]) > 1 else [a, b]

out = []
w = out.append
w('<?xml version="1.0" encoding="UTF-8"?>')
w('<!-- Generated by src/tools/gen_bpmn.py: edit the script, not this file. -->')
w('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
  'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
  'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="DisclosureDefinitions" '
  'targetNamespace="http://disclosure.gov.cn/bpmn" exporter="src/tools/gen_bpmn.py" exporterVersion="1">')
w('  <bpmn:message id="AppealReceivedMessage" name="AppealReceived" />')
w('  <bpmn:process id="disclosure-application" name="依申请公开办理" isExecutable="true" camunda:historyTimeToLive="P3650D">')
w('    <bpmn:documentation>《中华人民共和国政府信息公开条例》（2019年修订）第二十九条至第四十五条规定的依申请公开办理流程：'
  '收到、登记、审查（补正）、办理、答复、法制审核、归档，以及答复后的复议、诉讼期限跟踪。</bpmn:documentation>')
incoming = {}; outgoing = {}
for fid, s, t, *_ in F:
    outgoing.setdefault(s, []).append(fid); incoming.setdefault(t, []).append(fid)
for kind, id, name, x, y, attrs, inner, doc in N:
    w(f'    <bpmn:{kind} id="{id}" name={quoteattr(name)} {attrs}>')
    if doc:
        w(f'      <bpmn:documentation>{escape(doc)}</bpmn:documentation>')
    if inner.startswith("<bpmn:extensionElements>"):
        w('      ' + inner)
        inner2 = ""
    else:
        inner2 = inner
    for fid in incoming.get(id, []):
        w(f'      <bpmn:incoming>{fid}</bpmn:incoming>')
    for fid in outgoing.get(id, []):
        w(f'      <bpmn:outgoing>{fid}</bpmn:outgoing>')
    if inner2:
        w('      ' + inner2)
    w(f'    </bpmn:{kind}>')
for fid, s, t, name, cond, via in F:
    n = f' name={quoteattr(name)}' if name else ''
    if cond:
        w(f'    <bpmn:sequenceFlow id="{fid}"{n} sourceRef="{s}" targetRef="{t}">')
        w(f'      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(cond)}</bpmn:conditionExpression>')
        w('    </bpmn:sequenceFlow>')
    else:
        w(f'    <bpmn:sequenceFlow id="{fid}"{n} sourceRef="{s}" targetRef="{t}" />')
w('  </bpmn:process>')
w('  <bpmndi:BPMNDiagram id="DisclosureDiagram">')
w('    <bpmndi:BPMNPlane id="DisclosurePlane" bpmnElement="disclosure-application">')
for kind, id, name, *_ in N:
    x, y, ww, hh = pos[id]
    marker = ' isMarkerVisible="true"' if kind == "exclusiveGateway" else ''
    w(f'      <bpmndi:BPMNShape id="{id}_di" bpmnElement="{id}"{marker}>')
    w(f'        <dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{ww}" height="{hh}" />')
    if kind in SIZE:
        w(f'        <bpmndi:BPMNLabel><dc:Bounds x="{x - 30:.0f}" y="{y + hh + 4:.0f}" width="{ww + 60}" height="27" /></bpmndi:BPMNLabel>')
    w('      </bpmndi:BPMNShape>')
for fid, s, t, name, cond, via in F:
    w(f'      <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">')
    for px, py in waypoints(s, t):
        w(f'        <di:waypoint x="{px:.0f}" y="{py:.0f}" />')
    w('      </bpmndi:BPMNEdge>')
w('    </bpmndi:BPMNPlane>')
w('  </bpmndi:BPMNDiagram>')
w('</bpmn:definitions>')
open("bpmn/disclosure-application.bpmn", "w", encoding="utf-8").write("\n".join(out) + "\n")
print("wrote bpmn/disclosure-application.bpmn:", len(N), "nodes,", len(F), "flows")
