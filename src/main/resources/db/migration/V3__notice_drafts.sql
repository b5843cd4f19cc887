-- Drafts of replies are rendered for the clerk and the legal officer before anything is sent; only
-- ISSUED notices are sent and shown to the applicant.
ALTER TABLE notice ADD COLUMN status VARCHAR(10) DEFAULT 'ISSUED' NOT NULL;
