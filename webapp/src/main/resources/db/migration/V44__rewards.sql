-- The rewards (flow 4, campaigns block V44-V47): the payout ledger, settlement epochs with their
-- exact leaves, and the payments the escrow made. PostgreSQL is the truth for what was earned, the
-- chain for what was paid.

-- Settlements and relayed claims are escrow operations like the deposit and the refund: one outbox,
-- worked off by the one chain-operation schedule. A campaign has one OPEN and one REFUND, but many
-- SETTLE (one per epoch: campaign:settle:<id>:<epoch>) and CLAIM (one per labeler and epoch:
-- campaign:claim:<id>:<wallet>:<epoch>) operations.
ALTER TABLE campaign_operation DROP CONSTRAINT campaign_operation_campaign_id_kind_key;
ALTER TABLE campaign_operation DROP CONSTRAINT campaign_operation_kind_check;
ALTER TABLE campaign_operation ADD CONSTRAINT campaign_operation_kind_check
    CHECK (kind IN ('OPEN', 'REFUND', 'SETTLE', 'CLAIM'));
ALTER TABLE campaign_operation ADD COLUMN epoch INTEGER CHECK (epoch >= 1);
ALTER TABLE campaign_operation ADD COLUMN wallet VARCHAR(42);
ALTER TABLE campaign_operation ADD CONSTRAINT campaign_operation_reward_check
    CHECK ((kind IN ('SETTLE', 'CLAIM')) = (epoch IS NOT NULL) AND (kind = 'CLAIM') = (wallet IS NOT NULL));
CREATE UNIQUE INDEX campaign_operation_budget_idx ON campaign_operation (campaign_id, kind)
    WHERE kind IN ('OPEN', 'REFUND');
CREATE UNIQUE INDEX campaign_operation_settle_idx ON campaign_operation (campaign_id, epoch)
    WHERE kind = 'SETTLE';
CREATE INDEX campaign_operation_claim_idx ON campaign_operation (campaign_id, wallet)
    WHERE kind = 'CLAIM';

-- PayoutLedger credits: one row per accepted regular label, EVER (the primary key is the label), so
-- a label is never credited twice. amount_units is the campaign's reward, or 0 with budget_spent
-- when the deposited budget no longer covered it (the labels accepted before it spent it).
CREATE TABLE reward_credit (
    label_id     UUID           PRIMARY KEY REFERENCES campaign_label (lease_id),
    campaign_id  UUID           NOT NULL REFERENCES campaign (id),
    labeler_id   VARCHAR(255)   NOT NULL,
    wallet       VARCHAR(42)    NOT NULL,
    amount_units NUMERIC(78, 0) NOT NULL CHECK (amount_units >= 0),
    budget_spent BOOLEAN        NOT NULL,
    credited_at  TIMESTAMPTZ    NOT NULL,
    CHECK (budget_spent = (amount_units = 0))
);

CREATE INDEX reward_credit_campaign_idx ON reward_credit (campaign_id, wallet);
CREATE INDEX reward_credit_wallet_idx ON reward_credit (wallet);

-- Settlement epochs: the snapshot is stored with its leaves in the transaction that queues its
-- SETTLE operation, before anything is sent; a crash resumes the same epoch with the same leaves.
CREATE TABLE reward_settlement (
    campaign_id      UUID           NOT NULL REFERENCES campaign (id),
    epoch            INTEGER        NOT NULL CHECK (epoch >= 1),
    credit_count     BIGINT         NOT NULL CHECK (credit_count >= 0),
    total_units      NUMERIC(78, 0) NOT NULL CHECK (total_units >= 0),
    status           VARCHAR(10)    NOT NULL CHECK (status IN ('PENDING', 'POSTED')),
    merkle_root      VARCHAR(66),
    transaction_hash VARCHAR(66),
    created_at       TIMESTAMPTZ    NOT NULL,
    posted_at        TIMESTAMPTZ,
    PRIMARY KEY (campaign_id, epoch),
    CHECK ((status = 'POSTED') = (transaction_hash IS NOT NULL))
);

-- at most one epoch of a campaign on its way at a time
CREATE UNIQUE INDEX reward_settlement_pending_idx ON reward_settlement (campaign_id)
    WHERE status = 'PENDING';

CREATE TABLE reward_settlement_leaf (
    campaign_id      UUID           NOT NULL,
    epoch            INTEGER        NOT NULL,
    wallet           VARCHAR(42)    NOT NULL,
    cumulative_units NUMERIC(78, 0) NOT NULL CHECK (cumulative_units > 0),
    PRIMARY KEY (campaign_id, epoch, wallet),
    FOREIGN KEY (campaign_id, epoch) REFERENCES reward_settlement (campaign_id, epoch)
);

-- Payments the escrow made (RewardClaimed), from relayed claims' receipts and from the event log,
-- whoever sent them: one row per (transaction, campaign, wallet), so a replayed event or a receipt
-- and its event never count twice. What a wallet was paid is the largest cumulative amount seen.
CREATE TABLE reward_payment (
    transaction_hash VARCHAR(66)    NOT NULL,
    campaign_id      UUID           NOT NULL REFERENCES campaign (id),
    wallet           VARCHAR(42)    NOT NULL,
    amount_units     NUMERIC(78, 0) NOT NULL CHECK (amount_units > 0),
    cumulative_units NUMERIC(78, 0) NOT NULL CHECK (cumulative_units >= amount_units),
    block_number     BIGINT,
    recorded_at      TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (transaction_hash, campaign_id, wallet)
);

CREATE INDEX reward_payment_wallet_idx ON reward_payment (campaign_id, wallet);
CREATE INDEX reward_payment_block_idx ON reward_payment (block_number);
