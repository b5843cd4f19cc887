-- Indexes for many open cases (issue 17, measured with bench/OpenCasesBenchmark; figures in the README).
-- Camunda's own schema lacks this one; an index of our own on its table writes no data and survives its
-- upgrade scripts, which only touch what they name. Portable: H2 2.x and PostgreSQL.
-- (Indexes on ACT_RU_TASK.DUE_DATE_/FOLLOW_UP_DATE_ were tried and dropped: H2 then drives the "overdue" and
-- "due soon" filters from the task table and got 2-4 times slower; the cost of those filters is Camunda's
-- authorization join, see the README.)

-- The job executor asks every few seconds for jobs due now; each open case holds three reminder/deadline
-- timers, almost all in the future, so without this each acquisition reads every job row.
CREATE INDEX IX_DSC_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_);

-- The overdue gauge (casefile/CaseMetrics) counts overdue open cases without reading every case.
CREATE INDEX IX_DSC_CASE_OVERDUE ON application_case (overdue, status);
