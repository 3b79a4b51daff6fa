-- Datasets, their versions (kept as history) and what inspection found in each; the items of
-- each version; and the ledger of every IPFS pin the product makes.
-- Matches the JPA mappings in io.datamint.domain.model.dataset (Dataset, DatasetVersion and
-- their embeddables); dataset_item and ipfs_pin are written by the adapters of the ItemSink and
-- PinLedger ports.

CREATE TABLE dataset (
    id             UUID           PRIMARY KEY,
    owner_id       VARCHAR(255)   NOT NULL,
    title          VARCHAR(200)   NOT NULL,
    description    VARCHAR(20000) NOT NULL,
    license        VARCHAR(100)   NOT NULL,
    state          VARCHAR(20)    NOT NULL
        CHECK (state IN ('UPLOADING', 'INSPECTING', 'STORING', 'REJECTED', 'PENDING_REVIEW',
                         'LISTED', 'UNLISTED')),
    listed_version INTEGER,
    unlist_reason  VARCHAR(1000),
    created_at     TIMESTAMPTZ    NOT NULL,
    updated_at     TIMESTAMPTZ    NOT NULL,
    revision       BIGINT         NOT NULL DEFAULT 0
);

CREATE INDEX dataset_owner_idx ON dataset (owner_id, created_at DESC);
CREATE INDEX dataset_state_idx ON dataset (state);

CREATE TABLE dataset_tag (
    dataset_id UUID        NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    tag        VARCHAR(32) NOT NULL,
    PRIMARY KEY (dataset_id, tag)
);

CREATE INDEX dataset_tag_tag_idx ON dataset_tag (tag);

CREATE TABLE dataset_version (
    id                 UUID          PRIMARY KEY,
    dataset_id         UUID          NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    number             INTEGER       NOT NULL CHECK (number >= 1),
    state              VARCHAR(20)   NOT NULL
        CHECK (state IN ('UPLOADING', 'INSPECTING', 'STORING', 'PENDING_REVIEW', 'APPROVED',
                         'REJECTED')),
    file_name          VARCHAR(255)  NOT NULL,
    uploaded_bytes     BIGINT        NOT NULL DEFAULT 0,
    progress_percent   INTEGER       NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    -- RejectionReason
    rejection_code     VARCHAR(40),
    rejection_message  VARCHAR(1000),
    rejection_location VARCHAR(500),
    -- Manifest
    format             VARCHAR(20),
    byte_size          BIGINT,
    content_hash       VARCHAR(64),
    charset            VARCHAR(40),
    item_count         BIGINT,
    label_column       VARCHAR(500),
    -- ImageStatistics
    image_count        BIGINT,
    image_min_width    INTEGER,
    image_max_width    INTEGER,
    image_min_height   INTEGER,
    image_max_height   INTEGER,
    image_mean_width   DOUBLE PRECISION,
    image_mean_height  DOUBLE PRECISION,
    -- StoredContent
    content_cid        VARCHAR(100),
    encrypted_size     BIGINT,
    preview_cid        VARCHAR(100),
    metadata_cid       VARCHAR(100),
    master_key_id      VARCHAR(100),
    wrapped_data_key   BYTEA,
    reviewed_by        VARCHAR(255),
    reviewed_at        TIMESTAMPTZ,
    UNIQUE (dataset_id, number),
    CHECK ((state = 'REJECTED') = (rejection_code IS NOT NULL)),
    CHECK (state NOT IN ('PENDING_REVIEW', 'APPROVED')
           OR (content_cid IS NOT NULL AND wrapped_data_key IS NOT NULL))
);

-- the review queue and restart recovery look versions up by state; re-uploads by content hash
CREATE INDEX dataset_version_state_idx ON dataset_version (state);
CREATE INDEX dataset_version_content_hash_idx ON dataset_version (content_hash);

-- ColumnProfile: the inferred schema with per-column statistics
CREATE TABLE dataset_version_column (
    version_id      UUID         NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    position        INTEGER      NOT NULL,
    name            VARCHAR(500) NOT NULL,
    type            VARCHAR(20)  NOT NULL,
    missing         BIGINT       NOT NULL,
    distinct_values BIGINT       NOT NULL,
    distinct_capped BOOLEAN      NOT NULL,
    PRIMARY KEY (version_id, position)
);

-- label distribution: items per label value
CREATE TABLE dataset_version_label (
    version_id UUID         NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    label      VARCHAR(500) NOT NULL,
    item_count BIGINT       NOT NULL,
    PRIMARY KEY (version_id, label)
);

-- PersonalDataFlag: examples are masked before they are stored, one per line
CREATE TABLE dataset_version_flag (
    version_id      UUID          NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    kind            VARCHAR(30)   NOT NULL,
    occurrences     BIGINT        NOT NULL CHECK (occurrences > 0),
    masked_examples VARCHAR(2000) NOT NULL,
    PRIMARY KEY (version_id, kind)
);

-- Item: streamed by the inspector through the ItemSink port (batched inserts); on a rejected
-- inspection the version's rows are deleted with it
CREATE TABLE dataset_item (
    version_id   UUID        NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    ordinal      BIGINT      NOT NULL,
    item_id      VARCHAR(40) NOT NULL,
    locator      TEXT        NOT NULL,
    content_hash VARCHAR(64) NOT NULL,
    byte_offset  BIGINT      NOT NULL,
    byte_length  BIGINT      NOT NULL,
    PRIMARY KEY (version_id, ordinal),
    UNIQUE (version_id, item_id)
);

-- PinLedger: every pin is recorded (REQUESTED) before it is made and CONFIRMED after; one CID may
-- be held by several references and stays pinned while any holds it
CREATE TABLE ipfs_pin (
    cid          VARCHAR(100) NOT NULL,
    reference    VARCHAR(300) NOT NULL,
    state        VARCHAR(10)  NOT NULL CHECK (state IN ('REQUESTED', 'CONFIRMED')),
    requested_at TIMESTAMPTZ  NOT NULL,
    confirmed_at TIMESTAMPTZ,
    PRIMARY KEY (cid, reference)
);

CREATE INDEX ipfs_pin_state_idx ON ipfs_pin (state);
