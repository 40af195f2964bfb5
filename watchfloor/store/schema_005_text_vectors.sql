-- 005: sentence vectors of text the store holds (event summaries, passages), keyed by a hash of the
-- text and the model that made them, so a check embeds only its own sentences. The store does not
-- know which model; the key does.
CREATE TABLE text_vector (
    key VARCHAR PRIMARY KEY,
    vector FLOAT[] NOT NULL
);
