-- Idempotent, observable e-mail delivery (issue 12, item 4).
-- message_id: the Message-ID header, fixed once per row and reused on every retry, so a receiving server
--   (or the applicant's mail client) can recognise a re-sent copy. Rows queued before this migration get one
--   on their first send.
-- claim_token: set by the sender that claimed the row; outcomes are recorded only by that sender, so a sender
--   whose lease ran out cannot overwrite the result of the one that took over.
-- uncertain_sends: how often the message was handed to the server without a definite answer (timeout after
--   the end of DATA, or a sender that died mid-send); bounded by disclosure.mail.max-uncertain-resends.
-- last_attempt_at / given_up_at: for the health indicator, the metrics and the staff overview.
ALTER TABLE mail_outbox ADD COLUMN message_id VARCHAR(250);
ALTER TABLE mail_outbox ADD COLUMN claim_token VARCHAR(40);
ALTER TABLE mail_outbox ADD COLUMN uncertain_sends INT DEFAULT 0 NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN last_attempt_at TIMESTAMP;
ALTER TABLE mail_outbox ADD COLUMN given_up_at TIMESTAMP;

CREATE UNIQUE INDEX ux_outbox_message_id ON mail_outbox (message_id);
CREATE INDEX ix_outbox_notice ON mail_outbox (notice_id, status);
