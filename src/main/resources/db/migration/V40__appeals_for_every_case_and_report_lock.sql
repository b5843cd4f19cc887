-- Appeals on any case: who appealed (the applicant, or a third party against a public-interest disclosure),
-- against what (the reply, or the failure to reply in time: 不作为), and the handling a correction reopened.
ALTER TABLE appeal ADD COLUMN appellant_type VARCHAR(20) DEFAULT 'APPLICANT' NOT NULL;
ALTER TABLE appeal ADD COLUMN appellant_name VARCHAR(200);
ALTER TABLE appeal ADD COLUMN ground VARCHAR(30) DEFAULT 'AGAINST_REPLY' NOT NULL;
ALTER TABLE appeal ADD COLUMN reopened_at TIMESTAMP;
ALTER TABLE appeal ADD COLUMN superseded_reply_type VARCHAR(40);
ALTER TABLE appeal ADD COLUMN superseded_replied_on DATE;

-- A published annual report: its figures as published (JSON), so later reopenings or appeal outcomes do not
-- change them; they show in the next year's report instead.
CREATE TABLE annual_report_publication (
    report_year   INT           NOT NULL PRIMARY KEY,
    published_at  TIMESTAMP     NOT NULL,
    published_by  VARCHAR(100)  NOT NULL,
    figures       TEXT          NOT NULL
);
