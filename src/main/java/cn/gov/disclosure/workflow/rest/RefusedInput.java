package cn.gov.disclosure.workflow.rest;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.gov.disclosure.common.FieldError;
import cn.gov.disclosure.common.InvalidInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * A clerk's input refused by a delegate or listener ({@link InvalidInputException}, however deeply the
 * engine wrapped it) as the engine REST answers it: 400 with the Chinese message and every field error,
 * and one WARN line naming the case — a user mistake, not a server error with a stack trace.
 */
final class RefusedInput {

    private static final Logger log = LoggerFactory.getLogger(RefusedInput.class);

    private RefusedInput() {
    }

    /** The user's mistake behind {@code e}, or null when {@code e} is a real failure. */
    static InvalidInputException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidInputException refused) {
                return refused;
            }
        }
        return null;
    }

    static Response answer(InvalidInputException refused, UriInfo uri) {
        String path = uri == null ? "" : uri.getPath();
        if (log.isWarnEnabled()) {
            log.warn("Input refused, {}: {}", where(path), refused.errors().stream()
                    .map(f -> f.field() + " " + oneLine(f.message())).collect(Collectors.joining("; ")));
        }
        // The same shape as the engine's own errors (type, message), so Tasklist shows the message.
        // Fields named as the form labels them: the clerk never sees a key like reviewNotes.
        String message = InvalidInputException.summary(FormLabels.labelled(refused.errors()));
        Map<String, Object> body = Map.of("type", "InvalidInputException", "message", message,
                "errors", refused.errors().stream().map(RefusedInput::asMap).toList());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static Map<String, String> asMap(FieldError f) {
        return Map.of("field", f.field(), "label", FormLabels.of(f.field()), "message", f.message());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** "case GK-2026-00001, task ReviewCompleteness" from a path such as task/{id}/complete. */
    static String where(String path) {
        List<String> parts = List.of(path.replaceAll("^/+", "").split("/"));
        int task = parts.indexOf("task");
        if (task >= 0 && task + 1 < parts.size()) {
            return describeTask(parts.get(task + 1));
        }
        int definition = parts.indexOf("process-definition");
        if (definition >= 0 && definition + 1 < parts.size()) {
            String ref = "key".equals(parts.get(definition + 1)) && definition + 2 < parts.size()
                    ? parts.get(definition + 2) : parts.get(definition + 1);
            return "new case, start form of " + ref;
        }
        return "request " + path;
    }

    private static String describeTask(String taskId) {
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine();
        if (engine == null) {
            return "task " + taskId;
        }
        // The clerk may work the task without reading its process instance; the log line is not the clerk's read.
        Authentication user = engine.getIdentityService().getCurrentAuthentication();
        engine.getIdentityService().clearAuthentication();
        try {
            Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                return "task " + taskId;
            }
            ProcessInstance pi = task.getProcessInstanceId() == null ? null : engine.getRuntimeService()
                    .createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
            String caseNo = pi == null ? null : pi.getBusinessKey();
            return "case " + caseNo + ", task " + task.getTaskDefinitionKey() + " (" + taskId + ")";
        } catch (RuntimeException e) {
            // Only for the log line: the answer to the clerk must not depend on it.
            return "task " + taskId;
        } finally {
            if (user != null) {
                engine.getIdentityService().setAuthentication(user);
            }
        }
    }
}
