-- Connector spaces: one row per object, the whole record in `data`; the columns beside it are what lookups need.
-- Keyed by the creation sequence, so rows are stored in creation order and new ones append (random UUID keys
-- would rewrite pages all over the table on every commit).
CREATE TABLE cs (
    seq BIGINT PRIMARY KEY,
    id UUID NOT NULL,
    connector VARCHAR NOT NULL,
    anchor VARCHAR,
    dn_key VARCHAR NOT NULL,
    mv_id UUID,
    pending SMALLINT NOT NULL,
    data VARBINARY NOT NULL
);
CREATE UNIQUE INDEX cs_id ON cs (id);
CREATE UNIQUE INDEX cs_anchor ON cs (connector, anchor);
CREATE UNIQUE INDEX cs_dn ON cs (connector, dn_key);
CREATE INDEX cs_order ON cs (connector, seq);
CREATE INDEX cs_pending ON cs (connector, pending, seq);
CREATE INDEX cs_mv ON cs (mv_id, seq);

-- The attributes findCs was asked about, per connector; their values are indexed in cs_value from then on.
CREATE TABLE cs_indexed (
    connector VARCHAR NOT NULL,
    attribute VARCHAR NOT NULL,
    PRIMARY KEY (connector, attribute)
);
CREATE TABLE cs_value (
    connector VARCHAR NOT NULL,
    attribute VARCHAR NOT NULL,
    value_key VARCHAR NOT NULL,
    seq BIGINT NOT NULL,
    cs_id UUID NOT NULL
);
CREATE INDEX cs_value_lookup ON cs_value (connector, attribute, value_key, seq);
-- Owners are found by sequence, not id: the index then grows at its end instead of everywhere.
CREATE INDEX cs_value_owner ON cs_value (seq);

-- Every reference a hologram holds, by the lower-cased DN it points at.
CREATE TABLE cs_ref (
    connector VARCHAR NOT NULL,
    dn_key VARCHAR NOT NULL,
    seq BIGINT NOT NULL,
    cs_id UUID NOT NULL
);
CREATE INDEX cs_ref_lookup ON cs_ref (connector, dn_key, seq);
CREATE INDEX cs_ref_owner ON cs_ref (seq);

CREATE TABLE mv (
    seq BIGINT PRIMARY KEY,
    id UUID NOT NULL,
    object_type VARCHAR NOT NULL,
    data VARBINARY NOT NULL
);

CREATE UNIQUE INDEX mv_id ON mv (id);

CREATE TABLE mv_indexed (
    attribute VARCHAR PRIMARY KEY
);
CREATE TABLE mv_value (
    attribute VARCHAR NOT NULL,
    value_key VARCHAR NOT NULL,
    seq BIGINT NOT NULL,
    mv_id UUID NOT NULL
);
CREATE INDEX mv_value_lookup ON mv_value (attribute, value_key, seq);
CREATE INDEX mv_value_owner ON mv_value (seq);

CREATE TABLE mv_ref (
    target UUID NOT NULL,
    seq BIGINT NOT NULL,
    mv_id UUID NOT NULL
);
CREATE INDEX mv_ref_lookup ON mv_ref (target, seq);
CREATE INDEX mv_ref_owner ON mv_ref (seq);

CREATE TABLE pending_export (
    cs_id UUID PRIMARY KEY,
    connector VARCHAR NOT NULL,
    seq BIGINT NOT NULL,
    data VARBINARY NOT NULL
);
CREATE INDEX pending_export_order ON pending_export (connector, seq);

CREATE TABLE watermark (
    connector VARCHAR PRIMARY KEY,
    token VARCHAR NOT NULL
);

CREATE TABLE run (
    id UUID PRIMARY KEY,
    seq BIGINT NOT NULL,
    connector VARCHAR NOT NULL,
    data VARBINARY NOT NULL
);
CREATE INDEX run_connector ON run (connector, seq);

CREATE TABLE run_error (
    run_id UUID NOT NULL,
    seq BIGINT NOT NULL,
    data VARBINARY NOT NULL
);
CREATE INDEX run_error_order ON run_error (run_id, seq);
