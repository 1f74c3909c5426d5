-- The lobbying register's threshold warning (décret 2017-867, art. 1: ten actions in twelve months): one e-mail to an
-- organisation's coordinators per crossing, claimed, handed to the mail transport, then marked sent, as task reminders are.
-- scope: 'own' (the organisation's actions) or 'rollup' (a federation's with its members'); crossed_on: ISO 'yyyy-MM-dd'.
CREATE TABLE register_warnings (
    organisation_id bigint NOT NULL REFERENCES organisations (id),
    scope nvarchar(10) NOT NULL CHECK (scope IN ('own', 'rollup')),
    crossed_on nvarchar(10) NOT NULL,
    actions int NOT NULL,
    claimed_utc datetime2 NOT NULL,
    sent_utc datetime2 NULL,
    PRIMARY KEY (organisation_id, scope, crossed_on)
);
