-- The staff page of recent receipts (/staff/receipts/recent, acknowledgment/RecentRegistrations) lists the cases
-- the signed-in clerk registered in the last days, newest first: found by who registered them and when, without
-- reading every case. Portable: H2 2.x and PostgreSQL.
CREATE INDEX ix_case_created_by ON application_case (created_by, created_at);
