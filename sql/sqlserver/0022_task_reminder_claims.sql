-- A task reminder is claimed, handed to the mail transport, then marked sent, each in its own short write: the send
-- no longer holds a transaction while a slow mail server answers. A claim left without sent_utc by a crash is taken
-- again once its lease is over, and re-sent under the same idempotency key, which the transport recognises.
ALTER TABLE task_reminders ADD claimed_utc datetime2 NULL;
GO
UPDATE task_reminders SET claimed_utc = sent_utc;
ALTER TABLE task_reminders ALTER COLUMN claimed_utc datetime2 NOT NULL;
ALTER TABLE task_reminders ALTER COLUMN sent_utc datetime2 NULL;
