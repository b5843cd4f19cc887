package cn.gov.disclosure.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

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
import org.springframework.stereotype.Component;

import cn.gov.disclosure.intake.IntakeService;

/**
 * Creates, idempotently at every start, the office's groups, what each group may do in the engine, and
 * the shared Tasklist filters. Task access itself follows the candidate group of each task (Camunda
 * grants it when the task is created), so each group sees and works its own tasks; only
 * {@code camunda-admin} may deploy.
 */
@Component
public class AccessSetup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    public AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                       TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void afterPropertiesSet() {
        cn.gov.disclosure.security.Groups.WORKFLOW.forEach((id, name) -> ensureGroup(id, name, Groups.GROUP_TYPE_WORKFLOW));
        ensureGroup(cn.gov.disclosure.security.Groups.ADMIN, cn.gov.disclosure.security.Groups.ADMIN_NAME,
                Groups.GROUP_TYPE_SYSTEM);
        grant(cn.gov.disclosure.security.Groups.ADMIN, Resources.APPLICATION, "*", Permissions.ALL);

        for (String group : cn.gov.disclosure.security.Groups.WORKFLOW.keySet()) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, IntakeService.PROCESS_KEY, Permissions.READ);
        }
        // Clerks register letters, faxes and walk-ins from the start form.
        grant(cn.gov.disclosure.security.Groups.CLERK, Resources.PROCESS_DEFINITION, IntakeService.PROCESS_KEY,
                Permissions.CREATE_INSTANCE);
        grant(cn.gov.disclosure.security.Groups.CLERK, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        // Legal officers and the head follow cases in Cockpit.
        for (String group : List.of(cn.gov.disclosure.security.Groups.LEGAL, cn.gov.disclosure.security.Groups.HEAD)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, IntakeService.PROCESS_KEY, Permissions.READ_INSTANCE);
            grant(group, Resources.PROCESS_DEFINITION, IntakeService.PROCESS_KEY, Permissions.READ_HISTORY);
        }

        ensureFilter("我的待办", "已签收、由我办理的任务，按法定期限排序", 0,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        ensureFilter("本组待办", "本组可签收的任务，按法定期限排序", -10,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc());
        log.info("Groups, authorizations and Tasklist filters are in place");
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

    private void ensureFilter(String name, String description, int priority, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query);
        filter.setProperties(Map.of(
                "description", description,
                "priority", priority,
                "refresh", true,
                "variables", List.of(
                        Map.of("name", "caseNo", "label", "案件编号"),
                        Map.of("name", "applicantName", "label", "申请人"),
                        Map.of("name", "dueOnText", "label", "答复期限"))));
        filter = filters.saveFilter(filter);
        for (String group : cn.gov.disclosure.security.Groups.WORKFLOW.keySet()) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
