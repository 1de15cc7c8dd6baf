-- Hand-written (issue 6): cheaper writes into persons, measured by bench/import.bench.ts.
-- Merged persons and phone numbers are looked up by equality only, so their indexes need no entry
-- for the many rows without one (every unmerged person; ~30 % of persons have no phone): each
-- insert of such a row skips that index.
DROP INDEX "persons_merged_into_idx";
--> statement-breakpoint
CREATE INDEX "persons_merged_into_idx" ON "persons" USING btree ("merged_into_id") WHERE "merged_into_id" IS NOT NULL;
--> statement-breakpoint
DROP INDEX "persons_phone_idx";
--> statement-breakpoint
CREATE INDEX "persons_phone_idx" ON "persons" USING btree ("phone_key") WHERE "phone_key" IS NOT NULL;
--> statement-breakpoint
-- A bulk write leaves new entries in the word indexes' pending list until the next vacuum, and
-- every search scans that list (26-52 ms instead of 1-2 ms after a COPY of 200k persons, measured):
-- a smaller list is merged into the index more often, in smaller steps.
ALTER INDEX "persons_search_latin_key_words_idx" SET (gin_pending_list_limit = 512);
--> statement-breakpoint
ALTER INDEX "persons_search_arabic_key_words_idx" SET (gin_pending_list_limit = 512);
