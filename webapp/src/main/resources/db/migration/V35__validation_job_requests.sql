-- Who asked for a validation job through the application ("bring your own crowd labels").
-- The queue's tables (V30-V34) come with the gpu-validation jar; V35-V39 are the application's
-- side of validation. A job's status and results are shown to its requester and admins only.
create table validation_job_request (
    job_id        bigint      primary key references validation_job (id) on delete cascade,
    -- the requester's OIDC subject (stable when the user name changes)
    requester     text        not null,
    requested_at  timestamptz not null default now()
);

create index validation_job_request_by_requester on validation_job_request (requester, job_id);
