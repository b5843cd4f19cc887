-- Issue 17: case numbers are reserved in a short transaction of their own, and the acknowledgment (受理回执) is
-- issued by a job after the intake commits. Portable SQL: H2 2.x and PostgreSQL.

-- A number taken from case_number_sequence but not yet used by a committed case. The registering transaction
-- deletes its row together with storing the case; a row left behind (the registration failed or the process
-- died) is handed to the next registration after a lease, so the numbers of a year have no gaps.
CREATE TABLE case_number_reservation (
    case_year    INT          NOT NULL,
    seq          INT          NOT NULL,
    token        VARCHAR(36)  NOT NULL,
    reserved_at  TIMESTAMP    NOT NULL,
    PRIMARY KEY (case_year, seq)
);
CREATE INDEX ix_case_number_reservation_age ON case_number_reservation (case_year, reserved_at);

-- An acknowledgment still to be issued, with the tracking code it must print, sealed with AES-GCM under a key
-- from the configuration (disclosure.acknowledgment.key); key_id names that key. Written in the intake's
-- transaction, deleted in the transaction that issues the acknowledgment: the code is kept only while needed.
CREATE TABLE pending_acknowledgment (
    case_id               BIGINT        NOT NULL PRIMARY KEY REFERENCES application_case (id),
    tracking_code_sealed  VARCHAR(200)  NOT NULL,
    key_id                VARCHAR(16)   NOT NULL,
    created_at            TIMESTAMP     NOT NULL
);
CREATE INDEX ix_pending_acknowledgment_age ON pending_acknowledgment (created_at);
