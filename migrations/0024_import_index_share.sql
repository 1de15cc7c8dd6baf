-- How far the index a first load is building has got (pg_stat_progress_create_index): at national
-- scale the largest take tens of seconds each, and a bar moving by whole indexes sits still that long.
ALTER TABLE "person_imports" ADD COLUMN "index_share" real DEFAULT 0 NOT NULL;
