-- Whole-name search: B-tree on the whole search key (and, for Latin, the folded spelling), scope
-- columns next, then what the candidates' filter and score read (index-only scans). A common full
-- name is read in index order up to the search cap instead of intersecting two long GIN posting
-- lists (beneficiaries.persons.search.ts wholeNames).
CREATE INDEX "persons_latin_whole_name_idx" ON "persons" USING btree ("search_latin_key","search_latin","region_code","province_code","merged_into_id","id");--> statement-breakpoint
CREATE INDEX "persons_arabic_whole_name_idx" ON "persons" USING btree ("search_arabic_key","region_code","province_code","merged_into_id","id","first_name_ar","last_name_ar");