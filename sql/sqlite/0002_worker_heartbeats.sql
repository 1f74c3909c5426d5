-- Each worker process records that it is alive, so readiness can tell whether background jobs run.
CREATE TABLE worker_heartbeats (
    instance TEXT NOT NULL PRIMARY KEY,
    host TEXT NOT NULL,
    started_utc TEXT NOT NULL,
    last_seen_utc TEXT NOT NULL
);
