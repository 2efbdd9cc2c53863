-- Bulk imports of source records: one job per uploaded file, its progress saved every batch of rows,
-- and a report of the rows that were refused (row number, field, reason; never the row's content).
create table import_job (
    id                   uuid primary key,             -- time-ordered (v7): newest first is id order
    status               text        not null,         -- RECEIVING, RUNNING, COMPLETED, COMPLETED_WITH_ERRORS, FAILED, INTERRUPTED
    format               text        not null,         -- NDJSON, CSV
    default_source_system text,
    submitted_by         text        not null,
    rows_read            bigint      not null default 0,
    rows_stored          bigint      not null default 0,
    rows_unchanged       bigint      not null default 0,
    rows_rejected        bigint      not null default 0,
    decided_new          bigint      not null default 0,
    decided_matched      bigint      not null default 0,
    decided_possible     bigint      not null default 0,
    errors_reported      integer     not null default 0,
    failure              text,
    created_at           timestamptz not null,
    started_at           timestamptz,
    finished_at          timestamptz,
    heartbeat_at         timestamptz not null          -- the process working on the job is alive
);
create index import_job_unfinished on import_job (heartbeat_at) where status in ('RECEIVING', 'RUNNING');

create table import_error (
    job_id     uuid    not null references import_job (id) on delete cascade,
    seq        integer not null,                        -- report order, which is row order
    row_number bigint  not null,
    field      text,
    message    text    not null,
    primary key (job_id, seq)
);
