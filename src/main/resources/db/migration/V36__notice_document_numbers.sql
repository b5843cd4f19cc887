-- 文号 of issued notices: per agency, per year, gap-free. A number is reserved in a short transaction of its
-- own before the notice is rendered (it is printed on it) and confirmed (notice_id set) in the transaction that
-- stores the notice. A reservation whose notice never committed expires at reserved_until and is handed to the
-- next notice, so a crash or a refused notice leaves no gap. The primary key makes two nodes that pick the same
-- next number collide; the loser retries.
CREATE TABLE notice_number (
    agency_key     VARCHAR(200)  NOT NULL,
    doc_year       INTEGER       NOT NULL,
    seq            INTEGER       NOT NULL,
    token          VARCHAR(36)   NOT NULL,
    reserved_until TIMESTAMP     NOT NULL,
    notice_id      BIGINT        REFERENCES notice (id),
    PRIMARY KEY (agency_key, doc_year, seq)
);
CREATE INDEX ix_notice_number_free ON notice_number (agency_key, doc_year, reserved_until);

ALTER TABLE notice ADD COLUMN doc_number VARCHAR(100);
CREATE INDEX ix_notice_doc_number ON notice (doc_number);
