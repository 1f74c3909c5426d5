-- Each worker process records that it is alive, so readiness can tell whether background jobs run.
CREATE TABLE worker_heartbeats (
    instance text NOT NULL PRIMARY KEY,
    host text NOT NULL,
    started_utc timestamptz NOT NULL,
    last_seen_utc timestamptz NOT NULL
);
