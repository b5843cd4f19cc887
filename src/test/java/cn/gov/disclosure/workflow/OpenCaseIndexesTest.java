package cn.gov.disclosure.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.security.Groups;

/**
 * The indexes of V46 (many open cases, see bench/OpenCasesBenchmark) exist, and the shared Tasklist filters
 * the benchmark times answer right: "overdue" shows a clerk the task past its due date and not the one still in time,
 * in due-date order, and the group filter shows both.
 */
class OpenCaseIndexesTest extends IntegrationTest {

    @Autowired DataSource dataSource;
    @Autowired IntakeService intake;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;

    @Test
    void indexesExist() throws Exception {
        assertThat(indexes("ACT_RU_JOB")).contains("IX_DSC_JOB_DUEDATE");
        assertThat(indexes("APPLICATION_CASE")).contains("IX_DSC_CASE_OVERDUE");
    }

    @Test
    void overdueFilterShowsTheClerkOnlyTheTaskPastItsDueDate() {
        Task late = openTask("2024年某小区加装电梯的审批文件");
        Task inTime = openTask("2024年某道路的养护合同");
        late.setDueDate(new Date(System.currentTimeMillis() - 86_400_000L));
        tasks.saveTask(late);
        String[] both = {late.getProcessInstanceId(), inTime.getProcessInstanceId()};

        identity.setAuthentication("indexclerk", List.of(Groups.CLERK));
        try {
            List<Task> overdue = filters.list(filter("security.filter.overdue").getId(),
                    tasks.createTaskQuery().processInstanceIdIn(both));
            assertThat(overdue).extracting(Task::getId).containsExactly(late.getId());
            List<Task> group = filters.list(filter("security.filter.group").getId(),
                    tasks.createTaskQuery().processInstanceIdIn(both));
            assertThat(group).extracting(Task::getId).containsExactly(late.getId(), inTime.getId());
        } finally {
            identity.clearAuthentication();
        }
        identity.setAuthentication("indexlegal", List.of(Groups.LEGAL));
        try {
            assertThat(filters.list(filter("security.filter.overdue").getId(),
                    tasks.createTaskQuery().processInstanceIdIn(both))).isEmpty();
        } finally {
            identity.clearAuthentication();
        }
    }

    private Task openTask(String description) {
        String caseNo = intake.submit(TestApplications.online(description), "applicant", false).caseNo();
        AsyncJobs.executeAll(management, runtime, caseNo);
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    }

    private Filter filter(String nameKey) {
        return filters.createFilterQuery().filterName(Texts.get(nameKey)).singleResult();
    }

    private List<String> indexes(String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            // H2 keeps unquoted names in upper case, PostgreSQL in lower case.
            for (String t : List.of(table, table.toLowerCase())) {
                try (ResultSet rs = meta.getIndexInfo(null, null, t, false, false)) {
                    while (rs.next()) {
                        names.add(rs.getString("INDEX_NAME").toUpperCase());
                    }
                }
            }
        }
        return names;
    }
}
