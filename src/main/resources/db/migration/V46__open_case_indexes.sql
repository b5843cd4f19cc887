-- Indexes for many open cases (issue 17, measured with bench/OpenCasesBenchmark; figures in the README).
-- Camunda's own schema has none of these; indexes of our own on its tables are allowed (no data is written)
-- and survive its upgrade scripts, which only touch what they name. Portable: H2 2.x and PostgreSQL.

-- The job executor asks every few seconds for timers due now; each open case holds three reminder/deadline
-- timers, so without this it reads every job row each time.
CREATE INDEX IX_DSC_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_);

-- Every shared Tasklist filter sorts by due date; "overdue" and "due soon" also bound it (DUE_DATE_ < now,
-- FOLLOW_UP_DATE_ < now), so the database reads only the tasks in range instead of all open tasks.
CREATE INDEX IX_DSC_TASK_DUE_DATE ON ACT_RU_TASK (DUE_DATE_);
CREATE INDEX IX_DSC_TASK_FOLLOW_UP ON ACT_RU_TASK (FOLLOW_UP_DATE_);

-- The group filters join candidate links by task; with type and group in the index the join needs no table row.
CREATE INDEX IX_DSC_IDENT_LNK_TASK_GROUP ON ACT_RU_IDENTITYLINK (TASK_ID_, TYPE_, GROUP_ID_);

-- The overdue gauge (casefile/CaseMetrics) counts overdue open cases.
CREATE INDEX IX_DSC_CASE_OVERDUE ON application_case (overdue, status);
