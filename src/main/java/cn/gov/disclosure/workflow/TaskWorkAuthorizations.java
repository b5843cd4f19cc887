package cn.gov.disclosure.workflow;

import java.util.Arrays;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The authorization rows Camunda writes for a task of a process (one per candidate group, assignee and owner)
 * grant working on that task only — claim, complete, submit its form, set its variables — and no longer
 * reading it. Who may read a process's tasks is granted once per process definition ({@code READ_TASK}, set up
 * by security/AccessSetup for every group that has tasks in the process).
 * <p>
 * Why: every task query with authorization checks (each Tasklist filter) joins the user's authorization rows
 * that grant reading with {@code RESOURCE_ID_ IN (task id, process key, '*')}. With one readable row per task
 * that join is tasks × rows — PostgreSQL runs it as a nested loop: 0.9 s at 2,000 open cases, quadratic beyond.
 * With reading granted per process definition the join meets a handful of rows. Working rights stay exactly
 * as before, per task and enforced by the engine itself: a clerk may read a legal-review task of an
 * application (clerks already read every application's variables with {@code READ_INSTANCE}) but cannot
 * claim, complete or change it.
 * <p>
 * A standalone task (no process, e.g. workflow/mail's undeliverable-mail task) has no process definition to
 * carry the reading right, so its rows keep Camunda's full set.
 */
@Component
public class TaskWorkAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new WorkOnly());
    }

    /** Camunda's provider, without the reading permissions on rows of process tasks. */
    static final class WorkOnly extends DefaultAuthorizationProvider {

        /** Reading, on the TASK resource: {@code Permissions.READ}, {@code TaskPermissions.READ_VARIABLE}. */
        private static final Set<String> READING = Set.of("READ", "READ_VARIABLE");

        @Override
        protected AuthorizationEntity createOrUpdateAuthorization(Task task, String userId, String groupId,
                                                                  Resource resource, boolean isHistoric,
                                                                  Permission... permissions) {
            boolean processTask = task.getProcessDefinitionId() != null;
            if (processTask && !isHistoric && resource.resourceType() == Resources.TASK.resourceType()) {
                permissions = Arrays.stream(permissions).filter(p -> !READING.contains(p.getName()))
                        .toArray(Permission[]::new);
            }
            return super.createOrUpdateAuthorization(task, userId, groupId, resource, isHistoric, permissions);
        }
    }
}
