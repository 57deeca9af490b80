-- Per-row index updates made bulk imports ten times slower than indexing the new rows at once:
-- code that adds messages (db/queries/ingest.ts, the only writer) now indexes its rows itself.
DROP TRIGGER `messages_fts_insert`;
