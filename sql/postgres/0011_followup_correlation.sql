-- The correlation id of the API request that scheduled a follow-up (X-Correlation-Id), so the worker's logs and the
-- Graph request that sends it (client-request-id) can be tied back to that request. NULL for rows scheduled by a job.

ALTER TABLE followups ADD COLUMN correlation_id text NULL;
