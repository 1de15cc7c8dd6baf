-- Whole-name search: B-tree on the whole search key (and, for Latin, the folded spelling), scope
-- columns last. A common full name is read in index order up to the search cap instead of
-- intersecting two long GIN posting lists (beneficiaries.persons.search.ts wholeNames).
CREATE INDEX "persons_latin_whole_name_idx" ON "persons" USING btree ("search_latin_key","search_latin","region_code","province_code");--> statement-breakpoint
CREATE INDEX "persons_arabic_whole_name_idx" ON "persons" USING btree ("search_arabic_key","region_code","province_code");