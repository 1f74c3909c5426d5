-- The lobbying register's threshold warning (décret 2017-867, art. 1: ten actions in twelve months): one e-mail to an
-- organisation's coordinators per crossing, claimed, handed to the mail transport, then marked sent, as task reminders are.
-- scope: 'own' (the organisation's actions) or 'rollup' (a federation's with its members'); crossed_on: ISO 'yyyy-MM-dd'.
CREATE TABLE register_warnings (
    organisation_id bigint NOT NULL REFERENCES organisations (id),
    scope text NOT NULL CHECK (scope IN ('own', 'rollup')),
    crossed_on text NOT NULL,
    actions integer NOT NULL,
    claimed_utc timestamptz NOT NULL,
    sent_utc timestamptz NULL,
    PRIMARY KEY (organisation_id, scope, crossed_on)
);
