-- Resumable uploads over REST: the file grows in the upload area as <id>.resumable, this row says
-- whose it is, what it will be called and how long it will be. Rows and files expire together.

CREATE TABLE upload_session (
    id             UUID         PRIMARY KEY,
    owner_id       VARCHAR(255) NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    declared_bytes BIGINT       NOT NULL CHECK (declared_bytes >= 0),
    created_at     TIMESTAMPTZ  NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX upload_session_expiry_idx ON upload_session (expires_at);
