-- A follow-up that left is a contact: the outbound e-mail interaction logged when the provider accepted it, so coverage,
-- gaps, the timeline and the no-reply rule see it (and the rule never follows up its own follow-ups).

ALTER TABLE followups ADD interaction_id bigint NULL REFERENCES interactions (id);
