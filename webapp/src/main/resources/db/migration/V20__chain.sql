-- The chain block (V20-V29): what the application must remember about the chain across restarts.

-- PendingTransactionStore: every signed transaction, recorded (and committed) BEFORE it is
-- broadcast, under the operation key it performs. A retry of the key finds it here and looks it up
-- on chain, or broadcasts the very same bytes again; it never signs a second transaction for a key
-- whose transaction may still be mined. FAILED and REJECTED rows may be replaced by a new attempt.
CREATE TABLE chain_transaction (
    operation_key      VARCHAR(200)  PRIMARY KEY,
    sender             VARCHAR(42)   NOT NULL,
    nonce              BIGINT        NOT NULL CHECK (nonce >= 0),
    tx_hash            VARCHAR(66)   NOT NULL,
    signed_transaction TEXT          NOT NULL,
    status             VARCHAR(10)   NOT NULL
        CHECK (status IN ('SENT', 'CONFIRMED', 'FAILED', 'REJECTED')),
    failure            VARCHAR(4000),
    recorded_at        TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL
);

-- the next nonce of an account (highest recorded), and the unfinished ones resumed at start-up
CREATE INDEX chain_transaction_sender_idx ON chain_transaction (sender, nonce);
CREATE INDEX chain_transaction_sent_idx ON chain_transaction (recorded_at) WHERE status = 'SENT';
CREATE INDEX chain_transaction_hash_idx ON chain_transaction (tx_hash);

-- IndexerCheckpointStore: per indexer (named after the contracts it follows), the most recent
-- finished blocks as "number hash" lines, oldest first, to resume and to notice reorganisations.
CREATE TABLE chain_indexer_checkpoint (
    name       VARCHAR(200) PRIMARY KEY,
    recent     TEXT         NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

-- TokenOperation (io.datamint.domain.model.tokenization): the outbox of approved versions on their
-- way to the chain, and afterwards each dataset's link to its token. Written in the approval's
-- transaction; worked off by the tokenization worker; confirmed from DataNFT events.
CREATE TABLE token_operation (
    operation_key    VARCHAR(200)  PRIMARY KEY,
    kind             VARCHAR(20)   NOT NULL CHECK (kind IN ('MINT', 'PUBLISH_VERSION')),
    dataset_id       UUID          NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    version_number   INTEGER       NOT NULL CHECK (version_number >= 1),
    status           VARCHAR(20)   NOT NULL
        CHECK (status IN ('QUEUED', 'SUBMITTED', 'MINTED', 'PUBLISHED', 'FAILED')),
    token_id         BIGINT        CHECK (token_id >= 1),
    data_nft         VARCHAR(42),
    datatoken        VARCHAR(42),
    transaction_hash VARCHAR(66),
    chain_version    BIGINT,
    failure_reason   VARCHAR(100),
    message          VARCHAR(2000),
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ   NOT NULL,
    confirmed_block  BIGINT,
    listing          VARCHAR(20)   CHECK (listing IN ('NONE', 'LISTED', 'UNLISTED', 'REVOKED')),
    listing_block    BIGINT,
    created_at       TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    revision         BIGINT        NOT NULL DEFAULT 0,
    UNIQUE (dataset_id, version_number),
    CHECK (status NOT IN ('MINTED', 'PUBLISHED')
           OR (token_id IS NOT NULL AND data_nft IS NOT NULL AND transaction_hash IS NOT NULL)),
    CHECK (status <> 'MINTED' OR datatoken IS NOT NULL),
    CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL))
);

-- one mint per dataset
CREATE UNIQUE INDEX token_operation_mint_idx ON token_operation (dataset_id) WHERE kind = 'MINT';
-- the worker's queue
CREATE INDEX token_operation_due_idx ON token_operation (next_attempt_at)
    WHERE status IN ('QUEUED', 'SUBMITTED');
-- events are matched by transaction, listing changes by token
CREATE INDEX token_operation_tx_idx ON token_operation (transaction_hash);
CREATE INDEX token_operation_token_idx ON token_operation (data_nft, token_id);
