-- 001: the evidence store. Every assertion carries provenance.
CREATE TABLE source (
    id            VARCHAR PRIMARY KEY,
    kind          VARCHAR NOT NULL CHECK (kind IN ('dataset', 'article', 'report', 'curated')),
    title         VARCHAR NOT NULL,
    publisher     VARCHAR,
    url           VARCHAR,
    published_at  DATE,
    retrieved_at  TIMESTAMP DEFAULT current_timestamp,
    reliability   VARCHAR NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F'))
);

CREATE TABLE document (
    id            VARCHAR PRIMARY KEY,
    source_id     VARCHAR NOT NULL REFERENCES source (id),
    path          VARCHAR,
    title         VARCHAR,
    text          VARCHAR NOT NULL,
    language      VARCHAR,
    content_hash  VARCHAR NOT NULL UNIQUE,
    imported_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE passage (
    document_id   VARCHAR NOT NULL REFERENCES document (id),
    seq           INTEGER NOT NULL,
    start_offset  INTEGER NOT NULL,
    end_offset    INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    PRIMARY KEY (document_id, seq)
);

CREATE TABLE entity (
    id            VARCHAR PRIMARY KEY,
    kind          VARCHAR NOT NULL CHECK (kind IN ('country', 'organisation', 'armed_group', 'person', 'place', 'facility', 'other')),
    name          VARCHAR NOT NULL,
    iso2          VARCHAR,
    iso3          VARCHAR,
    country_iso3  VARCHAR,
    lat           DOUBLE,
    lon           DOUBLE
);

CREATE TABLE alias (
    entity_id     VARCHAR NOT NULL REFERENCES entity (id),
    alias         VARCHAR NOT NULL,
    norm          VARCHAR NOT NULL,
    PRIMARY KEY (entity_id, norm)
);

CREATE TABLE event (
    id              VARCHAR NOT NULL,
    dataset         VARCHAR NOT NULL,
    date            DATE NOT NULL,
    date_precision  VARCHAR NOT NULL CHECK (date_precision IN ('day', 'month', 'year')),
    type            VARCHAR NOT NULL,
    subtype         VARCHAR,
    country_iso3    VARCHAR,
    countries       VARCHAR[] NOT NULL DEFAULT [],
    location        VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    killed          DOUBLE,
    injured         DOUBLE,
    hostages        DOUBLE,
    counts          JSON,
    attrs           JSON,
    summary         VARCHAR NOT NULL,
    version         VARCHAR,
    imported_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE event_actor (
    event_id      VARCHAR NOT NULL,
    entity_id     VARCHAR,
    name          VARCHAR NOT NULL,
    role          VARCHAR NOT NULL DEFAULT 'actor'
);

CREATE TABLE event_source (
    event_id      VARCHAR NOT NULL,
    source_id     VARCHAR NOT NULL,
    credibility   INTEGER NOT NULL DEFAULT 6 CHECK (credibility BETWEEN 1 AND 6)
);

CREATE TABLE relation (
    id            VARCHAR PRIMARY KEY,
    subject_id    VARCHAR NOT NULL,
    predicate     VARCHAR NOT NULL,
    object_id     VARCHAR,
    valid_from    DATE,
    valid_to      DATE,
    value         DOUBLE,
    unit          VARCHAR,
    source_id     VARCHAR NOT NULL REFERENCES source (id),
    event_id      VARCHAR,
    note          VARCHAR
);

CREATE TABLE observation (
    id            VARCHAR PRIMARY KEY,
    country_iso3  VARCHAR NOT NULL,
    indicator     VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    year          INTEGER NOT NULL,
    value         DOUBLE NOT NULL,
    unit          VARCHAR,
    source_id     VARCHAR NOT NULL REFERENCES source (id)
);

CREATE TABLE claim (
    id            VARCHAR PRIMARY KEY,
    report        VARCHAR NOT NULL,
    start_offset  INTEGER NOT NULL,
    end_offset    INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    normalised    JSON,
    polarity      VARCHAR NOT NULL DEFAULT 'positive',
    modality      VARCHAR NOT NULL DEFAULT 'asserted'
);

CREATE TABLE evidence_link (
    claim_id      VARCHAR NOT NULL,
    target_kind   VARCHAR NOT NULL CHECK (target_kind IN ('event', 'relation', 'passage', 'observation')),
    target_id     VARCHAR NOT NULL,
    stance        VARCHAR NOT NULL CHECK (stance IN ('supports', 'contradicts', 'related')),
    why           VARCHAR
);

CREATE TABLE import_log (
    path          VARCHAR NOT NULL,
    format        VARCHAR NOT NULL,
    content_hash  VARCHAR NOT NULL,
    rows_read     BIGINT,
    added         BIGINT,
    updated       BIGINT,
    skipped       BIGINT,
    imported_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- No ART indexes on the event tables: DuckDB keeps a transaction's index entries in memory, which
-- made one-transaction imports of millions of rows cost gigabytes; zone maps serve date filters, and
-- importers keep event ids unique themselves (anti-joins on id).
CREATE INDEX alias_norm_idx ON alias (norm);
