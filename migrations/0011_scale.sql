-- National scale (bench/explain.test.ts finds these): indexes so that every list and search endpoint reads through an index at 5 million persons.
-- GET /applications lists the caller's applications newest first: without this index each page read and sorted the whole table.
CREATE INDEX "applications_created_idx" ON "applications" USING btree ("created_at","id");
--> statement-breakpoint
-- Person search matches Latin spelling variants by whole key words (Mhamed Alaoui = Mohammed Alaoui = "mhmd al"): trigrams of short key words matched every Mohammed (10,000 of 600,000 rows fetched and ranked for one name).
CREATE INDEX "persons_search_latin_key_words_idx" ON "persons" USING gin (string_to_array("search_latin_key", ' '));
