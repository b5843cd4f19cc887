package cn.gov.disclosure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.workflow.AsyncJobs;
import cn.gov.disclosure.workflow.TestApplications;

/**
 * Tasks are read per process definition, worked per task (workflow/TaskWorkAuthorizations): over the engine's
 * REST API with the demo users, a clerk sees an application's legal-review task but can neither claim, fill in,
 * submit nor complete it; a legal officer works it; the engine's rows per task grant work only, and V47 strips
 * reading from the rows an older version wrote, leaving an administrator's own grants alone.
 */
class TaskAccessTest extends IntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired AuthorizationService authorizations;
    @Autowired JdbcTemplate jdbc;

    private String legalReviewTask() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> receipt = http.postForEntity("/api/applications",
                new HttpEntity<>(TestApplications.DESIGN_EXAMPLE_JSON, h), Map.class);
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) receipt.getBody().get("caseNo");
        AsyncJobs.executeAll(management, runtime, caseNo);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey("disclosure-application").singleResult().getId();
        // Straight to the legal review: the path there is the process tests' business, the rights are ours.
        runtime.createProcessInstanceModification(instance).cancelAllForActivity("ReviewCompleteness")
                .startBeforeActivity("LegalReview").execute();
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("LegalReview").singleResult()
                .getId();
    }

    private ResponseEntity<String> as(String user, HttpMethod method, String path, String json) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange("/engine-rest" + path, method, new HttpEntity<>(json, h),
                String.class);
    }

    @Test
    void aClerkReadsALegalReviewTaskButCannotWorkIt() {
        String task = legalReviewTask();

        assertThat(as("clerk", HttpMethod.GET, "/task/" + task, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("clerk", HttpMethod.POST, "/task/" + task + "/claim", "{\"userId\": \"clerk\"}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("clerk", HttpMethod.PUT, "/task/" + task + "/variables/legalOpinion",
                "{\"value\": \"同意\", \"type\": \"String\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("clerk", HttpMethod.POST, "/task/" + task + "/submit-form", "{\"variables\": {}}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("clerk", HttpMethod.POST, "/task/" + task + "/complete", "{}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult()).isNotNull();

        // The legal officer claims it; the clerk still cannot complete it; the legal officer can.
        assertThat(as("legal", HttpMethod.POST, "/task/" + task + "/claim", "{\"userId\": \"legal\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("clerk", HttpMethod.POST, "/task/" + task + "/complete", "{}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // The head reads it (the filter 待法制审核 is the head's too) but cannot work it either.
        assertThat(as("head", HttpMethod.GET, "/task/" + task, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("head", HttpMethod.POST, "/task/" + task + "/complete", "{}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("legal", HttpMethod.POST, "/task/" + task + "/complete", """
                {"variables": {"legalOutcome": {"value": "RETURNED"}, "legalComment": {"value": "请补充不予公开的依据"}}}""")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult()).isNull();
    }

    /**
     * disclosure.tasklist.auto-refresh=false turns off Tasklist's reloading every 10 s on every shared filter,
     * existing ones included, at the next start (here: the set-up run again on this context's engine, then put back).
     */
    @Test
    void autoRefreshOfTheFiltersFollowsTheSetting(@Autowired FilterService filters, @Autowired IdentityService identity,
                                                  @Autowired cn.gov.disclosure.cluster.ClusterLock lock) {
        assertThat(filters.createFilterQuery().list()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.getProperties()).containsEntry("refresh", true));
        try {
            new AccessSetup(identity, authorizations, filters, tasks, lock, false).afterPropertiesSet();
            assertThat(filters.createFilterQuery().list()).hasSize(6)
                    .allSatisfy(f -> assertThat(f.getProperties()).containsEntry("refresh", false));
        } finally {
            new AccessSetup(identity, authorizations, filters, tasks, lock, true).afterPropertiesSet();
        }
        assertThat(filters.createFilterQuery().list()).hasSize(6)
                .allSatisfy(f -> assertThat(f.getProperties()).containsEntry("refresh", true));
    }

    @Test
    void theLegalReviewFilterShowsTheHeadTheLegalOfficersQueue() {
        String task = legalReviewTask();
        String filter = filterId("待法制审核");
        assertThat(list("head", filter).getBody()).contains(task);
        assertThat(list("legal", filter).getBody()).contains(task);
        // Not the clerks' filter at all.
        assertThat(list("clerk", filter).getStatusCode())
                .isNotEqualTo(HttpStatus.OK);
    }

    @Test
    void theLegalOfficersGroupFilterListsTheTaskAndTheClerksDoesNot() {
        String task = legalReviewTask();
        String filter = filterId("本组待办");
        assertThat(list("legal", filter).getBody()).contains(task);
        assertThat(list("clerk", filter).getBody()).doesNotContain(task);
        // The clerk's own query for the whole process does list it: reading is per process definition.
        assertThat(as("clerk", HttpMethod.GET, "/task?taskDefinitionKey=LegalReview&maxResults=1000", null)
                .getBody()).contains(task);
    }

    @Test
    void theRowsPerTaskGrantWorkNotReading() {
        String task = legalReviewTask();
        tasks.claim(task, "legal");
        List<Authorization> rows = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(task).list();
        assertThat(rows).extracting(a -> a.getGroupId() != null ? a.getGroupId() : a.getUserId())
                .containsExactlyInAnyOrder("legal", "legal");
        for (Authorization row : rows) {
            assertThat(row.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
            assertThat(row.isPermissionGranted(Permissions.READ)).isFalse();
        }

        // A standalone task has no process to read it by: its rows keep reading.
        Task standalone = tasks.newTask();
        standalone.setName("probe");
        tasks.saveTask(standalone);
        try {
            tasks.addCandidateGroup(standalone.getId(), Groups.CLERK);
            assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                    .resourceId(standalone.getId()).groupIdIn(Groups.CLERK).singleResult()
                    .isPermissionGranted(Permissions.READ)).isTrue();
        } finally {
            tasks.deleteTask(standalone.getId(), true);
        }
    }

    @Test
    void theMigrationStripsReadingFromTheEnginesOldRowsOnly() {
        String task = legalReviewTask();
        // As a version before V47 wrote it: reading and working.
        jdbc.update("UPDATE ACT_RU_AUTHORIZATION SET PERMS_ = PERMS_ + 2 WHERE RESOURCE_TYPE_ = 7 AND RESOURCE_ID_ = ?"
                + " AND GROUP_ID_ = 'legal'", task);
        assertThat(legalRow(task).isPermissionGranted(Permissions.READ)).isTrue();
        // An administrator's own grant on the same task: no root process instance, left alone.
        Authorization own = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        own.setUserId("head");
        own.setResource(Resources.TASK);
        own.setResourceId(task);
        own.addPermission(Permissions.READ);
        authorizations.saveAuthorization(own);

        jdbc.execute((java.sql.Connection c) -> {
            ScriptUtils.executeSqlScript(c,
                    new ClassPathResource("db/migration/V47__task_rows_grant_work_only.sql"));
            return null;
        });

        assertThat(legalRow(task).isPermissionGranted(Permissions.READ)).isFalse();
        assertThat(legalRow(task).isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(authorizations.createAuthorizationQuery().authorizationId(own.getId()).singleResult()
                .isPermissionGranted(Permissions.READ)).isTrue();
        // Running it again changes nothing.
        jdbc.execute((java.sql.Connection c) -> {
            ScriptUtils.executeSqlScript(c,
                    new ClassPathResource("db/migration/V47__task_rows_grant_work_only.sql"));
            return null;
        });
        assertThat(legalRow(task).isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        authorizations.deleteAuthorization(own.getId());
    }

    private Authorization legalRow(String task) {
        return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task)
                .groupIdIn(Groups.LEGAL).singleResult();
    }

    /** The first page of a Tasklist filter, as the user's Tasklist asks for it. */
    private ResponseEntity<String> list(String user, String filter) {
        return as(user, HttpMethod.POST, "/filter/" + filter + "/list", "{}");
    }

    private String filterId(String name) {
        Map<?, ?>[] filters = http.withBasicAuth("legal", "demo").getForObject("/engine-rest/filter", Map[].class);
        return java.util.Arrays.stream(filters).filter(f -> name.equals(f.get("name")))
                .map(f -> (String) f.get("id")).findFirst().orElseThrow();
    }
}
