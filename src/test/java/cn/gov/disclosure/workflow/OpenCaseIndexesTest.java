package cn.gov.disclosure.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import cn.gov.disclosure.IntegrationTest;
import cn.gov.disclosure.common.Texts;
import cn.gov.disclosure.intake.IntakeService;
import cn.gov.disclosure.security.Groups;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The indexes of V46 and V51 (many open cases, see bench/OpenCasesBenchmark) exist, and the shared Tasklist filters
 * the benchmark times answer right: "overdue" shows a clerk the task past its due date and not the one still in time,
 * in due-date order, and the group filter shows both. On H2, the SQL the engine runs for the "due soon" and "overdue"
 * filters reads only the tasks whose date has passed (V51), counted in H2's own plan rather than timed.
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
        assertThat(indexes("APPLICATION_CASE")).contains("IX_DSC_CASE_OVERDUE", "IX_DSC_CASE_APPLICANT");
        assertThat(indexes("ACT_RU_TASK")).contains("IX_DSC_TASK_DUE", "IX_DSC_TASK_FOLLOW_UP");
    }

    /**
     * H2 reads the task table first whatever the query (Camunda left-joins the candidate groups) and, for each task it
     * reads, runs the reader's authorization subquery again: reading every open task made these two filters take
     * seconds at 5,000 cases even for a reader with no task in them. Here one task is late and one in time; the
     * statement the engine prepares for each filter (taken from MyBatis' debug log, run again under EXPLAIN ANALYZE)
     * must read the task table through the V51 index with the date as its bound, and read no task whose date has not
     * passed: fewer task rows than there are tasks.
     */
    @Test
    void dueSoonAndOverdueFiltersReadOnlyTheTasksWhoseDateHasPassed() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assumeTrue(c.getMetaData().getDatabaseProductName().equals("H2"), "H2's plan");
        }
        Task late = openTask("2024年某街道老旧小区改造的验收报告");
        Task inTime = openTask("2024年某公园的管护经费明细");
        late.setDueDate(new Date(System.currentTimeMillis() - 86_400_000L));
        late.setFollowUpDate(new Date(System.currentTimeMillis() - 2 * 86_400_000L));
        tasks.saveTask(late);
        inTime.setDueDate(new Date(System.currentTimeMillis() + 30 * 86_400_000L));
        inTime.setFollowUpDate(new Date(System.currentTimeMillis() + 25 * 86_400_000L));
        tasks.saveTask(inTime);

        assertReadsOnlyPassedTasks("security.filter.overdue", "IX_DSC_TASK_DUE", "DUE_DATE_");
        assertReadsOnlyPassedTasks("security.filter.dueSoon", "IX_DSC_TASK_FOLLOW_UP", "FOLLOW_UP_DATE_");
    }

    private void assertReadsOnlyPassedTasks(String filterKey, String index, String column) throws Exception {
        String filterId = filter(filterKey).getId();
        Logger mapper = (Logger) LoggerFactory.getLogger(
                "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria");
        ListAppender<ILoggingEvent> statements = new ListAppender<>();
        statements.start();
        Level before = mapper.getLevel();
        mapper.setLevel(Level.DEBUG);
        mapper.addAppender(statements);
        identity.setAuthentication("indexclerk", List.of(Groups.CLERK));
        try {
            filters.count(filterId);
        } finally {
            identity.clearAuthentication();
            mapper.detachAppender(statements);
            mapper.setLevel(before);
        }
        String sql = null;
        String parameters = null;
        for (ILoggingEvent e : statements.list) {
            String m = e.getFormattedMessage();
            if (m.contains("Preparing:")) {
                sql = m.substring(m.indexOf("Preparing:") + "Preparing:".length()).trim();
            } else if (m.contains("Parameters:")) {
                parameters = m.substring(m.indexOf("Parameters:") + "Parameters:".length()).trim();
            }
        }
        assertThat(sql).as("the count statement of %s", filterKey).contains("RES." + column + " <");

        try (Connection c = dataSource.getConnection();
             PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            bind(explain, parameters);
            String plan;
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                plan = rs.getString(1);
            }
            // The task table's part of the plan: its index with the conditions H2 bounds the read by, and its count.
            Matcher task = Pattern.compile("\\\"ACT_RU_TASK\\\" \\\"RES\\\"\\s*/\\* PUBLIC\\.(\\w+): ([^*]*)\\*/.*?"
                    + "/\\* scanCount: (\\d+) \\*/", Pattern.DOTALL).matcher(plan);
            assertThat(task.find()).as(plan).isTrue();
            assertThat(task.group(1)).as(plan).isEqualTo(index);
            assertThat(task.group(2)).as(plan).contains(column + " <");
            long all;
            long passed;
            // Counted with the statement's own date (the filter's ${now()}, as MyBatis logged it): which tasks that
            // is depends on the other tests sharing this database, how many the index read must not exceed.
            Matcher bound = Pattern.compile("([0-9-]+ [0-9:.]+)\\(Timestamp\\)").matcher(parameters);
            assertThat(bound.find()).as(parameters).isTrue();
            // H2 sorts NULL first, so the index range also holds the tasks without such a date (other processes'
            // tasks); it must not hold the tasks whose date is still to come.
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*), COUNT(CASE WHEN (" + column
                    + " < ? OR " + column + " IS NULL) AND TENANT_ID_ IS NULL THEN 1 END) FROM ACT_RU_TASK")) {
                q.setTimestamp(1, Timestamp.valueOf(bound.group(1)));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    all = rs.getLong(1);
                    passed = rs.getLong(2);
                }
            }
            // H2 counts one more step at the end of an index range.
            assertThat(Long.parseLong(task.group(3))).as(plan).isLessThanOrEqualTo(passed + 1).isLessThan(all + 1);
        }
    }

    /** The values MyBatis logs as {@code value(Type), value(Type)}; none of the filters' values holds a comma. */
    private static void bind(PreparedStatement statement, String parameters) throws Exception {
        if (parameters == null || parameters.isEmpty()) {
            return;
        }
        int i = 1;
        for (String p : parameters.split(", ")) {
            Matcher m = Pattern.compile("(.*)\\((\\w+)\\)").matcher(p);
            if (!m.matches()) {
                statement.setObject(i++, null);
                continue;
            }
            switch (m.group(2)) {
                case "Integer" -> statement.setInt(i++, Integer.parseInt(m.group(1)));
                case "Long" -> statement.setLong(i++, Long.parseLong(m.group(1)));
                case "Timestamp" -> statement.setTimestamp(i++, Timestamp.valueOf(m.group(1)));
                default -> statement.setString(i++, m.group(1));
            }
        }
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

    /**
     * The repeat-application check runs on every 拟定答复意见 and the fee threshold counts an applicant's cases: both
     * look cases up by identity number, which must go through V57's index, not read every case (the database's own
     * plan, on H2 and PostgreSQL).
     */
    @Test
    void casesOfOneApplicantAreFoundThroughTheIndex() throws Exception {
        assertThat(plan("SELECT case_no FROM application_case WHERE id_type = ? AND id_number = ? AND id <> ? "
                + "AND replied_on IS NOT NULL AND received_on <= ?", "RESIDENT_ID_CARD", "11010519491231002X", 0L,
                java.sql.Date.valueOf("2026-01-01"))).contains("IX_DSC_CASE_APPLICANT");
    }

    /**
     * The job executor asks only for jobs whose due date has passed (ensure-job-due-date-not-null, V58): a new case's
     * jobs all carry a due date, even those that are to run at once, and the database finds the due jobs through
     * V46's index (its own plan, on H2 and PostgreSQL). With Camunda's default, "no due date or passed", H2 read
     * every job row, thousands of waiting timers among them, on each acquisition.
     */
    @Test
    void everyJobHasADueDateAndTheDueOnesAreFoundThroughTheIndex() throws Exception {
        String caseNo = intake.submit(TestApplications.online("2024年某河道整治工程的招标文件"), "applicant", false)
                .caseNo();
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey(AsyncJobs.INTAKE_PROCESS).singleResult().getId();
        List<Job> jobs = management.createJobQuery().processInstanceId(process).list();
        assertThat(jobs).isNotEmpty().allSatisfy(j -> assertThat(j.getDuedate()).as(j.getId()).isNotNull());

        // The conditions of Camunda's selectNextJobsToExecute once every job has a due date (alwaysSetDueDate).
        Timestamp now = new Timestamp(System.currentTimeMillis());
        assertThat(plan("SELECT RES.ID_ FROM ACT_RU_JOB RES WHERE (RES.RETRIES_ > 0) AND (RES.DUEDATE_ <= ?) "
                + "AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < ?) AND RES.SUSPENSION_STATE_ = 1 "
                + "ORDER BY RES.PRIORITY_ DESC", now, now)).contains("IX_DSC_JOB_DUEDATE");
    }

    /**
     * The database's plan for {@code sql} with {@code params}, in upper case. PostgreSQL would scan tables this small
     * whatever their indexes, so it is asked with sequential scans off.
     */
    private String plan(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            boolean h2 = c.getMetaData().getDatabaseProductName().equals("H2");
            if (!h2) {
                try (var s = c.createStatement()) {
                    s.execute("SET enable_seqscan = off");
                }
            }
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < params.length; i++) {
                    explain.setObject(i + 1, params[i]);
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString().toUpperCase();
            } finally {
                if (!h2) {
                    try (var s = c.createStatement()) {
                        s.execute("RESET enable_seqscan");
                    }
                }
            }
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
