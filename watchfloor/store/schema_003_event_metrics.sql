-- 003: what event datasets such as GDELT say about the two sides of an event,
-- kept as columns so bilateral trends over millions of rows stay fast.
ALTER TABLE event ADD COLUMN actor1_iso3 VARCHAR;
ALTER TABLE event ADD COLUMN actor2_iso3 VARCHAR;
ALTER TABLE event ADD COLUMN goldstein DOUBLE;
ALTER TABLE event ADD COLUMN tone DOUBLE;
ALTER TABLE event ADD COLUMN mentions INTEGER;
ALTER TABLE event ADD COLUMN quad_class INTEGER;
ALTER TABLE event ADD COLUMN source_url VARCHAR;
