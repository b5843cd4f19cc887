-- The shared Tasklist filters "三个工作日内到期" (follow-up date passed) and "已超期" (due date passed), issue 17;
-- measured with bench/OpenCasesBenchmark, figures in the README. Portable: H2 2.x and PostgreSQL.
-- Camunda's task query always reads the task table first on H2 (it left-joins the candidate groups, and H2 never
-- reorders an outer join), and for every task it reads it joins the candidate group, the process definition and the
-- reader's authorizations (a subquery run again per task). Without these indexes H2 reads every open task through
-- Camunda's TENANT_ID_ index and drops the ones whose date has not passed only afterwards; with them it reads only
-- the tasks whose date has passed. TENANT_ID_ comes first because every task query of a user without tenants asks
-- for TENANT_ID_ IS NULL, which H2 otherwise prefers over a date-only index (see V46: a date-only index was tried).
CREATE INDEX IX_DSC_TASK_DUE ON ACT_RU_TASK (TENANT_ID_, DUE_DATE_);
CREATE INDEX IX_DSC_TASK_FOLLOW_UP ON ACT_RU_TASK (TENANT_ID_, FOLLOW_UP_DATE_);
