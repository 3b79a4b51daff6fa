-- The campaigns block (V40-V49): labeling campaigns, their escrow operations, their items, the
-- slots labelers lease, the leases and the labels.

-- Campaign (io.datamint.domain.model.campaign): the terms and the life cycle. Gold answers and
-- items live in campaign_item.
CREATE TABLE campaign (
    id                  UUID           PRIMARY KEY,
    owner_id            VARCHAR(255)   NOT NULL,
    dataset_id          UUID           NOT NULL REFERENCES dataset (id),
    version_number      INTEGER        NOT NULL CHECK (version_number >= 1),
    version_id          UUID           NOT NULL REFERENCES dataset_version (id),
    title               VARCHAR(200)   NOT NULL,
    label_mode          VARCHAR(10)    NOT NULL CHECK (label_mode IN ('SINGLE', 'MULTI')),
    labels              TEXT           NOT NULL,
    instructions        VARCHAR(20000) NOT NULL,
    labels_per_item     INTEGER        NOT NULL CHECK (labels_per_item BETWEEN 1 AND 20),
    gold_items          INTEGER        NOT NULL CHECK (gold_items >= 0),
    gold_every          INTEGER        NOT NULL CHECK (gold_every >= 0),
    reward_units        NUMERIC(78, 0) NOT NULL CHECK (reward_units > 0),
    budget_units        NUMERIC(78, 0) NOT NULL CHECK (budget_units >= 0),
    quality_threshold   DOUBLE PRECISION NOT NULL CHECK (quality_threshold BETWEEN 0 AND 1),
    deadline            TIMESTAMPTZ    NOT NULL,
    lease_seconds       BIGINT         NOT NULL CHECK (lease_seconds >= 5),
    item_count          BIGINT         NOT NULL CHECK (item_count >= 1),
    state               VARCHAR(20)    NOT NULL
        CHECK (state IN ('DRAFT', 'FUNDING', 'OPEN', 'PAUSED', 'CLOSED')),
    funding_transaction VARCHAR(66),
    opened_at           TIMESTAMPTZ,
    close_reason        VARCHAR(30)
        CHECK (close_reason IN ('BY_OWNER', 'BY_ADMIN', 'DEADLINE_PASSED')),
    close_note          VARCHAR(1000),
    closed_at           TIMESTAMPTZ,
    created_at          TIMESTAMPTZ    NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL,
    revision            BIGINT         NOT NULL DEFAULT 0,
    CHECK ((state = 'CLOSED') = (close_reason IS NOT NULL)),
    CHECK (state NOT IN ('OPEN', 'PAUSED') OR funding_transaction IS NOT NULL)
);

CREATE INDEX campaign_owner_idx ON campaign (owner_id, created_at DESC);
CREATE INDEX campaign_state_idx ON campaign (state, deadline);

-- EscrowOperation: the outbox of a campaign's chain work (campaign:open:<id>, campaign:refund:<id>),
-- like token_operation for mints; the same key names the signed transaction in chain_transaction.
CREATE TABLE campaign_operation (
    operation_key    VARCHAR(200)  PRIMARY KEY,
    kind             VARCHAR(20)   NOT NULL CHECK (kind IN ('OPEN', 'REFUND')),
    campaign_id      UUID          NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    status           VARCHAR(20)   NOT NULL CHECK (status IN ('QUEUED', 'SUBMITTED', 'DONE', 'FAILED')),
    transaction_hash VARCHAR(66),
    failure_reason   VARCHAR(100),
    message          VARCHAR(2000),
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    revision         BIGINT        NOT NULL DEFAULT 0,
    UNIQUE (campaign_id, kind)
);

CREATE INDEX campaign_operation_due_idx ON campaign_operation (next_attempt_at)
    WHERE status IN ('QUEUED', 'SUBMITTED');

-- TaskQueue (JdbcTaskQueue): the version's items copied at creation (locator and byte range to
-- find the content again), gold items with their known answer (one label per line; never sent to
-- labelers).
CREATE TABLE campaign_item (
    campaign_id  UUID        NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    ordinal      BIGINT      NOT NULL,
    item_id      VARCHAR(40) NOT NULL,
    locator      TEXT        NOT NULL,
    content_hash VARCHAR(64) NOT NULL,
    byte_offset  BIGINT      NOT NULL,
    byte_length  BIGINT      NOT NULL,
    gold_answer  TEXT,
    PRIMARY KEY (campaign_id, ordinal),
    UNIQUE (campaign_id, item_id)
);

CREATE INDEX campaign_item_gold_idx ON campaign_item (campaign_id, ordinal) WHERE gold_answer IS NOT NULL;

-- k slots per regular item. A slot is FREE, LEASED (to lease_id until expires_at; an expired lease
-- counts as free, no sweeper needed) or LABELED. Leasing takes a slot with FOR UPDATE SKIP LOCKED.
CREATE TABLE campaign_slot (
    campaign_id UUID        NOT NULL,
    ordinal     BIGINT      NOT NULL,
    slot        INTEGER     NOT NULL CHECK (slot >= 1),
    state       VARCHAR(10) NOT NULL DEFAULT 'FREE' CHECK (state IN ('FREE', 'LEASED', 'LABELED')),
    lease_id    UUID,
    expires_at  TIMESTAMPTZ,
    PRIMARY KEY (campaign_id, ordinal, slot),
    FOREIGN KEY (campaign_id, ordinal) REFERENCES campaign_item (campaign_id, ordinal) ON DELETE CASCADE,
    CHECK ((state = 'FREE') = (lease_id IS NULL))
);

-- the slots not labeled, in item order: what leasing scans
CREATE INDEX campaign_slot_open_idx ON campaign_slot (campaign_id, ordinal, slot) WHERE state <> 'LABELED';

-- Every lease ever given (history: a late submission finds its lease and is told it expired). A
-- regular lease names its slot; a gold lease has none. One lease per labeler and item, ever: the
-- database itself keeps "never the same item twice" (a skipped or expired lease keeps its row, and
-- an expired ACTIVE lease simply stays ACTIVE with its expiry in the past).
CREATE TABLE campaign_lease (
    lease_id    UUID         PRIMARY KEY,
    campaign_id UUID         NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    ordinal     BIGINT       NOT NULL,
    slot        INTEGER,
    labeler_id  VARCHAR(255) NOT NULL,
    gold        BOOLEAN      NOT NULL,
    state       VARCHAR(10)  NOT NULL CHECK (state IN ('ACTIVE', 'LABELED', 'SKIPPED')),
    leased_at   TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    FOREIGN KEY (campaign_id, ordinal) REFERENCES campaign_item (campaign_id, ordinal) ON DELETE CASCADE,
    CHECK (gold = (slot IS NULL))
);

CREATE UNIQUE INDEX campaign_lease_labeler_item_idx ON campaign_lease (campaign_id, labeler_id, ordinal);
CREATE INDEX campaign_lease_item_idx ON campaign_lease (campaign_id, ordinal);

-- Labels: one per lease and one per labeler and item. Status is set by validation (flow 3).
CREATE TABLE campaign_label (
    lease_id     UUID         PRIMARY KEY REFERENCES campaign_lease (lease_id) ON DELETE CASCADE,
    campaign_id  UUID         NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    ordinal      BIGINT       NOT NULL,
    item_id      VARCHAR(40)  NOT NULL,
    labeler_id   VARCHAR(255) NOT NULL,
    labels       TEXT         NOT NULL,
    gold         BOOLEAN      NOT NULL,
    gold_correct BOOLEAN,
    status       VARCHAR(10)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    submitted_at TIMESTAMPTZ  NOT NULL,
    UNIQUE (campaign_id, ordinal, labeler_id),
    CHECK (gold = (gold_correct IS NOT NULL))
);

CREATE INDEX campaign_label_labeler_idx ON campaign_label (labeler_id, submitted_at DESC);
CREATE INDEX campaign_label_status_idx ON campaign_label (campaign_id, status);
