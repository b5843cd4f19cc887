package cn.gov.disclosure.security;

import cn.gov.disclosure.common.Texts;

import cn.gov.disclosure.workflow.disclosure.DisclosureVars;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import cn.gov.disclosure.cluster.ClusterLock;

/**
 * Creates, idempotently at every start, the office's groups, what each group may do in the engine, and
 * the shared Tasklist filters. Working on a task (claim, complete, its form and variables) follows the task's
 * candidate group: Camunda grants it per task when the task is created, so a group works its own tasks only.
 * Reading tasks is granted per process definition ({@code READ_TASK}) to every group that has tasks in that
 * process — the candidate groups of the deployed models' user tasks — instead of per task
 * (workflow/TaskWorkAuthorizations says why: the Tasklist filters' speed). Only {@code camunda-admin} may deploy.
 *
 * <p>Several nodes may start at the same moment on one database: the whole setup runs in one transaction
 * holding the cluster lock {@code access-setup}, so the second node waits and then finds everything in place
 * (Camunda's unique key on authorizations would otherwise fail its start). Filters have no unique key in
 * Camunda's schema; duplicates left by an older race are removed here.
 */
@Component
public class AccessSetup implements InitializingBean {

    /** The process definitions the office's groups work with. */
    static final List<String> PROCESSES = List.of(DisclosureVars.PROCESS_KEY, "extension-request", "deadline-escalation",
            "consultation", "appeal", "fee", "delivery");

    private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);
    private static final String BPMN_MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final ClusterLock lock;
    private final boolean autoRefresh;

    /**
     * @param autoRefresh the filters' "refresh" property: Tasklist reloads the open filter's list, count and card
     *                    variables every 10 seconds while a user has it open. At 100,000 open cases on PostgreSQL one
     *                    such view of 本组待办 costs about half a second of database time (README, Benchmarks), so a
     *                    large office may prefer lists that reload when the clerk acts.
     */
    public AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                       TaskService tasks, ClusterLock lock,
                       @Value("${disclosure.tasklist.auto-refresh:true}") boolean autoRefresh) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.lock = lock;
        this.autoRefresh = autoRefresh;
    }

    @Override
    public void afterPropertiesSet() {
        lock.runExclusively("access-setup", this::setUp);
        log.info("Groups, authorizations and Tasklist filters are in place");
    }

    private void setUp() {
        cn.gov.disclosure.security.Groups.WORKFLOW.forEach((id, name) -> ensureGroup(id, name, Groups.GROUP_TYPE_WORKFLOW));
        ensureGroup(cn.gov.disclosure.security.Groups.ADMIN, cn.gov.disclosure.security.Groups.ADMIN_NAME,
                Groups.GROUP_TYPE_SYSTEM);
        grant(cn.gov.disclosure.security.Groups.ADMIN, Resources.APPLICATION, "*", Permissions.ALL);

        for (String group : cn.gov.disclosure.security.Groups.WORKFLOW.keySet()) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            for (String process : PROCESSES) {
                grant(group, Resources.PROCESS_DEFINITION, process, Permissions.READ);
                // Tasklist reads a card's variables (case number, applicant, period, summary) with the clerk's own
                // rights: without reading the process instances the cards stay blank.
                grant(group, Resources.PROCESS_DEFINITION, process, Permissions.READ_INSTANCE);
            }
        }
        // Each group reads the tasks of the processes it has tasks in (its filters list them); working on them
        // stays per task. A group reads these processes' instances anyway (READ_INSTANCE above).
        candidateGroupsByProcess().forEach((process, groups) -> groups.forEach(
                group -> grant(group, Resources.PROCESS_DEFINITION, process, Permissions.READ_TASK)));
        // Clerks register letters, faxes and walk-ins, and ask for extensions, from start forms.
        grant(cn.gov.disclosure.security.Groups.CLERK, Resources.PROCESS_DEFINITION, DisclosureVars.PROCESS_KEY,
                Permissions.CREATE_INSTANCE);
        grant(cn.gov.disclosure.security.Groups.CLERK, Resources.PROCESS_DEFINITION, "extension-request",
                Permissions.CREATE_INSTANCE);
        // Legal officers register reconsiderations and lawsuits.
        grant(cn.gov.disclosure.security.Groups.LEGAL, Resources.PROCESS_DEFINITION, "appeal",
                Permissions.CREATE_INSTANCE);
        grant(cn.gov.disclosure.security.Groups.LEGAL, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        grant(cn.gov.disclosure.security.Groups.CLERK, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        // Legal officers and the head follow cases in Cockpit.
        for (String group : List.of(cn.gov.disclosure.security.Groups.LEGAL, cn.gov.disclosure.security.Groups.HEAD)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, DisclosureVars.PROCESS_KEY, Permissions.READ_INSTANCE);
            grant(group, Resources.PROCESS_DEFINITION, DisclosureVars.PROCESS_KEY, Permissions.READ_HISTORY);
        }
        // The head's filter 待法制审核 lists the legal officers' queue: the head reads an application's tasks (not
        // working them, which stays per task) as it reads the cases in Cockpit.
        grant(cn.gov.disclosure.security.Groups.HEAD, Resources.PROCESS_DEFINITION, DisclosureVars.PROCESS_KEY,
                Permissions.READ_TASK);

        List<String> all = List.copyOf(cn.gov.disclosure.security.Groups.WORKFLOW.keySet());
        ensureFilter(Texts.get("security.filter.group"), Texts.get("security.filter.group.description"), -10, all,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc());
        ensureFilter(Texts.get("security.filter.mine"), Texts.get("security.filter.mine.description"), 0, all,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        // Each task's follow-up date is set three working days before it is due (CaseWorkflow.setFollowUp).
        ensureFilter(Texts.get("security.filter.dueSoon"), Texts.get("security.filter.dueSoon.description"), 10, all,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().followUpBeforeExpression("${now()}").orderByDueDate().asc());
        ensureFilter(Texts.get("security.filter.overdue"), Texts.get("security.filter.overdue.description"), 20, all,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().dueBeforeExpression("${now()}").orderByDueDate().asc());
        ensureFilter(Texts.get("security.filter.legal"), Texts.get("security.filter.legal.description"), 30,
                List.of(cn.gov.disclosure.security.Groups.LEGAL, cn.gov.disclosure.security.Groups.HEAD),
                tasks.createTaskQuery().taskCandidateGroup(cn.gov.disclosure.security.Groups.LEGAL)
                        .includeAssignedTasks().orderByDueDate().asc());
        ensureFilter(Texts.get("security.filter.head"), Texts.get("security.filter.head.description"), 40,
                List.of(cn.gov.disclosure.security.Groups.HEAD),
                tasks.createTaskQuery().taskCandidateGroup(cn.gov.disclosure.security.Groups.HEAD)
                        .includeAssignedTasks().orderByDueDate().asc());
    }

    /**
     * The candidate groups of the user tasks of each process model deployed from the classpath (bpmn/*.bpmn), by
     * process key; a new model or a new group on a task gets its reading right without a change here. Read with a
     * plain streaming parser: Camunda's model API validates each model against the BPMN schema, which cost over a
     * second of every start (the engine checks the models itself when they are deployed).
     */
    static Map<String, Set<String>> candidateGroupsByProcess() {
        Map<String, Set<String>> groups = new TreeMap<>();
        XMLInputFactory xml = XMLInputFactory.newFactory();
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xml.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            for (org.springframework.core.io.Resource model : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:bpmn/*.bpmn")) {
                try (InputStream in = model.getInputStream()) {
                    XMLStreamReader reader = xml.createXMLStreamReader(in);
                    String process = null;
                    while (reader.hasNext()) {
                        if (reader.next() != XMLStreamConstants.START_ELEMENT
                                || !BPMN_MODEL.equals(reader.getNamespaceURI())) {
                            continue;
                        }
                        if ("process".equals(reader.getLocalName())) {
                            process = reader.getAttributeValue(null, "id");
                        } else if ("userTask".equals(reader.getLocalName()) && process != null) {
                            addCandidates(groups, process, reader.getAttributeValue(null, "id"),
                                    reader.getAttributeValue(CAMUNDA, "candidateGroups"));
                        }
                    }
                    reader.close();
                } catch (XMLStreamException e) {
                    throw new IllegalStateException("Cannot read the process model " + model.getFilename(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }

    private static void addCandidates(Map<String, Set<String>> groups, String process, String task, String candidates) {
        if (candidates == null || candidates.isBlank()) {
            return;
        }
        for (String group : candidates.split(",")) {
            if (group.contains("${") || group.contains("#{")) {
                // Computed at run time: that group's rows must be granted by hand.
                log.warn("Candidate group {} of task {} is an expression; no READ_TASK granted for it", group, task);
            } else {
                groups.computeIfAbsent(process, k -> new TreeSet<>()).add(group.trim());
            }
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group g = identity.newGroup(id);
            g.setName(name);
            g.setType(type);
            identity.saveGroup(g);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization a = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing == null) {
            a.setGroupId(group);
            a.setResource(resource);
            a.setResourceId(resourceId);
        } else if (a.isPermissionGranted(permission)) {
            return;
        }
        a.addPermission(permission);
        authorizations.saveAuthorization(a);
    }

    private void ensureFilter(String name, String description, int priority, List<String> groups, TaskQuery query) {
        List<Filter> same = filters.createFilterQuery().filterName(name).orderByFilterId().asc().list();
        Filter filter = same.isEmpty() ? filters.newTaskFilter(name) : same.get(0);
        for (Filter duplicate : same.subList(Math.min(1, same.size()), same.size())) {
            log.warn("Removing duplicate Tasklist filter {} ({})", name, duplicate.getId());
            filters.deleteFilter(duplicate.getId());
        }
        filter.setQuery(query);
        filter.setProperties(Map.of(
                "description", description,
                "priority", priority,
                "refresh", autoRefresh,
                "variables", List.of(
                        Map.of("name", "caseNo", "label", Texts.get("security.filter.variable.caseNo")),
                        Map.of("name", "applicantName", "label", Texts.get("security.filter.variable.applicantName")),
                        Map.of("name", "dueOnText", "label", Texts.get("security.filter.variable.dueOnText")),
                        // Set for a task of every process by workflow.CaseCardVariables.
                        Map.of("name", "requestSummary", "label", Texts.get("security.filter.variable.requestSummary")),
                        Map.of("name", "deadlineFlag", "label", Texts.get("security.filter.variable.deadlineFlag")))));
        filter = filters.saveFilter(filter);
        for (String group : groups) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
