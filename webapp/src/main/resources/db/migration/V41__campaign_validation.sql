-- Validation of campaign labels (flow 3), the qualification round and blocking (the campaigns
-- block, V41-V43; V44+ belong to the payout ledger).

-- Q: gold answers a labeler gives before paid work. Campaigns created before have none.
ALTER TABLE campaign ADD COLUMN qualification_items INTEGER NOT NULL DEFAULT 0
    CHECK (qualification_items >= 0);
ALTER TABLE campaign ADD CONSTRAINT campaign_qualification_within_gold
    CHECK (qualification_items <= gold_items);

-- ValidationRound: one validation job (validation_job, V30) per round, keyed
-- 'campaign/<id>/round/<n>'. At most one round in flight per campaign, kept by the database.
CREATE TABLE campaign_validation_round (
    campaign_id  UUID          NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    round        INTEGER       NOT NULL CHECK (round >= 1),
    job_id       BIGINT        NOT NULL REFERENCES validation_job (id),
    state        VARCHAR(10)   NOT NULL CHECK (state IN ('IN_FLIGHT', 'APPLIED', 'FAILED')),
    batch_labels INTEGER       NOT NULL CHECK (batch_labels >= 0),
    decides      INTEGER       NOT NULL CHECK (decides >= 0),
    accepted     INTEGER       NOT NULL DEFAULT 0,
    rejected     INTEGER       NOT NULL DEFAULT 0,
    message      VARCHAR(2000),
    created_at   TIMESTAMPTZ   NOT NULL,
    finished_at  TIMESTAMPTZ,
    PRIMARY KEY (campaign_id, round),
    UNIQUE (job_id),
    CHECK ((state = 'IN_FLIGHT') = (finished_at IS NULL))
);

CREATE UNIQUE INDEX campaign_validation_round_in_flight_idx
    ON campaign_validation_round (campaign_id) WHERE state = 'IN_FLIGHT';
CREATE INDEX campaign_validation_round_open_idx
    ON campaign_validation_round (created_at) WHERE state = 'IN_FLIGHT';

-- The labels a round decides: those PENDING on complete items (and gold answers) when it was built.
CREATE TABLE campaign_round_label (
    campaign_id UUID    NOT NULL,
    round       INTEGER NOT NULL,
    lease_id    UUID    NOT NULL REFERENCES campaign_label (lease_id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, round, lease_id),
    FOREIGN KEY (campaign_id, round) REFERENCES campaign_validation_round (campaign_id, round)
        ON DELETE CASCADE
);

-- A label's verdict: quality (probability that it is right) and the round that decided it.
ALTER TABLE campaign_label ADD COLUMN quality DOUBLE PRECISION
    CHECK (quality IS NULL OR (quality >= 0 AND quality <= 1));
ALTER TABLE campaign_label ADD COLUMN decided_round INTEGER;
ALTER TABLE campaign_label ADD COLUMN decided_at TIMESTAMPTZ;
ALTER TABLE campaign_label ADD CONSTRAINT campaign_label_verdict_complete
    CHECK ((status = 'PENDING') = (quality IS NULL AND decided_round IS NULL AND decided_at IS NULL));

-- Decisions are final: rewards are credited from ACCEPTED labels, so an ACCEPTED or REJECTED label
-- never changes its status, quality or round again, whoever writes.
CREATE FUNCTION campaign_label_decision_is_final() RETURNS trigger AS $$
BEGIN
    IF OLD.status <> 'PENDING' AND (NEW.status IS DISTINCT FROM OLD.status
            OR NEW.quality IS DISTINCT FROM OLD.quality
            OR NEW.decided_round IS DISTINCT FROM OLD.decided_round) THEN
        RAISE EXCEPTION 'label % was % in round %: a decided label is final',
            OLD.lease_id, OLD.status, OLD.decided_round;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER campaign_label_decision_final BEFORE UPDATE ON campaign_label
    FOR EACH ROW EXECUTE FUNCTION campaign_label_decision_is_final();

-- An item's consensus (one label per line) and confidence as of the latest round that scored it.
ALTER TABLE campaign_item ADD COLUMN consensus TEXT;
ALTER TABLE campaign_item ADD COLUMN confidence DOUBLE PRECISION
    CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1));
ALTER TABLE campaign_item ADD COLUMN consensus_round INTEGER;

-- LabelerStanding: qualifying, qualified or blocked (with the reason), and the latest reliability.
CREATE TABLE campaign_labeler (
    campaign_id            UUID             NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    labeler_id             VARCHAR(255)     NOT NULL,
    standing               VARCHAR(12)      NOT NULL
        CHECK (standing IN ('QUALIFYING', 'QUALIFIED', 'BLOCKED')),
    qualification_answered INTEGER          NOT NULL DEFAULT 0 CHECK (qualification_answered >= 0),
    qualification_correct  INTEGER          NOT NULL DEFAULT 0
        CHECK (qualification_correct BETWEEN 0 AND qualification_answered),
    reliability            DOUBLE PRECISION CHECK (reliability IS NULL OR (reliability >= 0 AND reliability <= 1)),
    reliability_labels     INTEGER          NOT NULL DEFAULT 0 CHECK (reliability_labels >= 0),
    block_reason           VARCHAR(1000),
    blocked_at             TIMESTAMPTZ,
    updated_at             TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (campaign_id, labeler_id),
    CHECK ((standing = 'BLOCKED') = (block_reason IS NOT NULL AND blocked_at IS NOT NULL))
);

CREATE INDEX campaign_labeler_blocked_idx ON campaign_labeler (campaign_id) WHERE standing = 'BLOCKED';
-- "Blocked is final" is kept by the aggregate; the database keeps it too.
CREATE FUNCTION campaign_labeler_block_is_final() RETURNS trigger AS $$
BEGIN
    IF OLD.standing = 'BLOCKED' AND NEW.standing <> 'BLOCKED' THEN
        RAISE EXCEPTION 'labeler % is blocked from campaign %: a block is final',
            OLD.labeler_id, OLD.campaign_id;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER campaign_labeler_block_final BEFORE UPDATE ON campaign_labeler
    FOR EACH ROW EXECUTE FUNCTION campaign_labeler_block_is_final();

-- the worker's query: PENDING labels per campaign
CREATE INDEX campaign_label_pending_idx ON campaign_label (campaign_id, ordinal) WHERE status = 'PENDING';
