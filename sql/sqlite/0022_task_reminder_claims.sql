-- A task reminder is claimed, handed to the mail transport, then marked sent, each in its own short write: the send
-- no longer holds the writer while a slow mail server answers. A claim left without sent_utc by a crash is taken
-- again once its lease is over, and re-sent under the same idempotency key, which the transport recognises.
CREATE TABLE task_reminders_next (
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    kind TEXT NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
    claimed_utc TEXT NOT NULL,
    sent_utc TEXT NULL,
    PRIMARY KEY (task_id, kind)
);
INSERT INTO task_reminders_next (task_id, kind, claimed_utc, sent_utc) SELECT task_id, kind, sent_utc, sent_utc FROM task_reminders;
DROP TABLE task_reminders;
ALTER TABLE task_reminders_next RENAME TO task_reminders;
