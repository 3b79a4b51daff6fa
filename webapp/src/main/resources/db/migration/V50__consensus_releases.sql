-- ConsensusRelease (io.datamint.domain.model.campaign): how a closed campaign's consensus labels
-- left it. Only outcomes are stored; a closed campaign without a row is still waiting (validation
-- not settled, or the dataset busy with another version). file_name is derived from the campaign,
-- so that a release that published its version and crashed before this row finds it again.
CREATE TABLE campaign_consensus_release (
    campaign_id    UUID          PRIMARY KEY REFERENCES campaign (id) ON DELETE CASCADE,
    state          VARCHAR(10)   NOT NULL CHECK (state IN ('RELEASED', 'SKIPPED', 'FAILED')),
    file_name      VARCHAR(500)  NOT NULL,
    version_number INTEGER,
    items          BIGINT        NOT NULL CHECK (items >= 0),
    message        VARCHAR(2000) NOT NULL,
    released_at    TIMESTAMPTZ   NOT NULL,
    CHECK ((state = 'RELEASED') = (version_number IS NOT NULL))
);
