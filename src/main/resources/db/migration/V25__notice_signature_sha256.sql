-- Sealed notices: the SHA-256 of the signed PDF as stored, sent and downloaded, so the public /verify page
-- can recognise a file (or a 文号 + SHA-256 typed in) as one this office issued. Drafts keep NULL.
ALTER TABLE notice ADD COLUMN sha256 VARCHAR(64);
CREATE INDEX ix_notice_sha256 ON notice (sha256);
