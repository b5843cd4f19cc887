-- Several nodes on one database. Portable SQL: H2 2.x and PostgreSQL.
-- Numbered 5.1 so it sorts right after V5 whatever the next full version becomes.

-- One row per start-up step that must not run on two nodes at once; a node holds a row with
-- SELECT ... FOR UPDATE for the length of that step (ClusterLock).
CREATE TABLE app_lock (
    name VARCHAR(40) PRIMARY KEY
);
INSERT INTO app_lock (name) VALUES ('start-up');
INSERT INTO app_lock (name) VALUES ('access-setup');

-- Fixed-window rate limits shared by all nodes (RateLimiter). bucket = kind and a hash of the client address.
CREATE TABLE rate_limit_window (
    bucket        VARCHAR(80) PRIMARY KEY,
    window_start  BIGINT      NOT NULL,
    hits          INT         NOT NULL
);
CREATE INDEX rate_limit_window_start ON rate_limit_window (window_start);

-- Spring Session JDBC: Tasklist/Cockpit/Admin sessions readable by every node (Spring Session's own layout).
CREATE TABLE spring_session (
    primary_id             CHAR(36)     NOT NULL,
    session_id             CHAR(36)     NOT NULL,
    creation_time          BIGINT       NOT NULL,
    last_access_time       BIGINT       NOT NULL,
    max_inactive_interval  INT          NOT NULL,
    expiry_time            BIGINT       NOT NULL,
    principal_name         VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id  CHAR(36)     NOT NULL,
    attribute_name      VARCHAR(200) NOT NULL,
    attribute_bytes     BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
