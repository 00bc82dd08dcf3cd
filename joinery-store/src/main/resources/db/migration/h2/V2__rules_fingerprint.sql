-- The fingerprint of a connector's rules at its last completed full synchronization: a changed rule set
-- makes the next cycle run a full synchronization on that connector.
CREATE TABLE rules_fingerprint (
    connector VARCHAR PRIMARY KEY,
    fingerprint VARCHAR(128) NOT NULL
);
