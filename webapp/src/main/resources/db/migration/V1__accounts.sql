-- People as the marketplace knows them, and the custodial wallet held for each.
CREATE TABLE account (
    id                UUID         PRIMARY KEY,
    subject           VARCHAR(255) NOT NULL UNIQUE,
    username          VARCHAR(255) NOT NULL,
    display_name      VARCHAR(255) NOT NULL,
    email             VARCHAR(320),
    roles             VARCHAR(255) NOT NULL,
    wallet_address    VARCHAR(42)  NOT NULL UNIQUE,
    wallet_sealed_key BYTEA        NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    last_sign_in_at   TIMESTAMPTZ  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX account_last_sign_in_idx ON account (last_sign_in_at DESC);
