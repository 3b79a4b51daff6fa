-- Which web instance processes a version (PublishingWorker). The holder renews its lease while it
-- works; another instance takes a version over only once the lease has expired (its instance died),
-- so several instances never process one version at the same time. The row goes when processing
-- ends. Times are the database's, so instances need not agree on the clock.
CREATE TABLE version_processing_lease (
    version_id UUID         PRIMARY KEY REFERENCES dataset_version (id) ON DELETE CASCADE,
    holder     VARCHAR(200) NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL
);
