-- Validation jobs and their results (module gpu-validation; versions V30-V39 belong to it).
-- The web application enqueues a job per campaign batch; standalone workers lease jobs with
-- FOR UPDATE SKIP LOCKED, and write the results in the same transaction that marks the job DONE.

create table validation_job (
    id            bigserial primary key,
    -- Chosen by the caller (e.g. 'campaign-42/batch-7'): enqueueing the same batch twice is a no-op.
    job_key       text        not null unique,
    status        text        not null default 'PENDING'
                  check (status in ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    -- Annotations, item texts, gold answers and the accept threshold (see JobPayloadCodec).
    payload       jsonb       not null,
    -- Incremented by every lease: doubles as the fencing token, so a worker whose lease ran out
    -- and was taken over can no longer complete, renew or release the job.
    attempts      integer     not null default 0,
    max_attempts  integer     not null default 5 check (max_attempts > 0),
    available_at  timestamptz not null default now(),
    leased_by     text,
    lease_until   timestamptz,
    last_error    text,
    created_at    timestamptz not null default now(),
    finished_at   timestamptz
);

create index validation_job_ready on validation_job (available_at, id) where status = 'PENDING';
create index validation_job_leased on validation_job (lease_until) where status = 'RUNNING';

-- One row per label. The primary key makes a second write of the same job impossible.
create table validation_label_score (
    job_id       bigint           not null references validation_job (id) on delete cascade,
    item_key     text             not null,
    labeler_key  text             not null,
    label        text             not null,
    quality      double precision not null check (quality >= 0 and quality <= 1),
    accepted     boolean          not null,
    primary key (job_id, item_key, labeler_key)
);

create table validation_item_consensus (
    job_id           bigint           not null references validation_job (id) on delete cascade,
    item_key         text             not null,
    consensus_label  text             not null,
    confidence       double precision not null check (confidence >= 0 and confidence <= 1),
    primary key (job_id, item_key)
);

create table validation_labeler_reliability (
    job_id       bigint           not null references validation_job (id) on delete cascade,
    labeler_key  text             not null,
    reliability  double precision not null check (reliability >= 0 and reliability <= 1),
    label_count  integer          not null check (label_count >= 0),
    primary key (job_id, labeler_key)
);

-- Embeddings by SHA-256 of (model, text): re-validation and other workers reuse them.
create table validation_embedding (
    content_hash  text        primary key,
    vector        bytea       not null,
    created_at    timestamptz not null default now()
);
