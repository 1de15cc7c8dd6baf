-- Name search (issue 6): the word indexes again, for names of at least 3 and 4 words only (about a
-- tenth of a registry). Once the whole-name read has found every name of the typed length, the
-- words pass only looks for longer names (beneficiaries.persons.search.ts longerNames): a 2-word
-- search no longer intersects the posting lists of two common words over the whole registry
-- (1.0 -> 0.06 ms for "Rokaya Sabri" at national scale).
CREATE INDEX "persons_latin_3_words_idx" ON "persons" USING gin (string_to_array("search_latin_key", ' ')) WHERE "persons"."search_latin_key" like '% % %';--> statement-breakpoint
CREATE INDEX "persons_latin_4_words_idx" ON "persons" USING gin (string_to_array("search_latin_key", ' ')) WHERE "persons"."search_latin_key" like '% % % %';--> statement-breakpoint
CREATE INDEX "persons_arabic_3_words_idx" ON "persons" USING gin (string_to_array("search_arabic_key", ' ')) WHERE "persons"."search_arabic_key" like '% % %';--> statement-breakpoint
CREATE INDEX "persons_arabic_4_words_idx" ON "persons" USING gin (string_to_array("search_arabic_key", ' ')) WHERE "persons"."search_arabic_key" like '% % % %';