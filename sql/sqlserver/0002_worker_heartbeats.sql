-- Each worker process records that it is alive, so readiness can tell whether background jobs run.
CREATE TABLE worker_heartbeats (
    instance nvarchar(100) NOT NULL PRIMARY KEY,
    host nvarchar(255) NOT NULL,
    started_utc datetime2 NOT NULL,
    last_seen_utc datetime2 NOT NULL
);
