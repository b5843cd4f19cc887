-- Cases by the applicant's identity number: the repeat-application check (repeats/RepeatApplications, each time a
-- 拟定答复意见 task is created) and the count of an applicant's applications for the fee threshold
-- (fees/FeeService). Without it each of them read every case ever received; found by bench/OpenCasesBenchmark,
-- whose H2 run slowed down with every case it added. Portable: H2 2.x and PostgreSQL.
CREATE INDEX IX_DSC_CASE_APPLICANT ON application_case (id_number, id_type, received_on);
