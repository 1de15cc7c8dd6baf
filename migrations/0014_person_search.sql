-- Person search at national scale (issue 6): cheap writes, bounded searches.
-- 1. The four search keys stop being GENERATED columns: their regex chains cost ~10 s of PostgreSQL
--    CPU per million rows written. Writers compute them in TypeScript (beneficiaries.search-keys.ts,
--    same rules as the SQL functions of 0003, which stay: they document the rules and serve as the
--    fallback below). DROP EXPRESSION keeps the stored values and rewrites nothing.
ALTER TABLE "persons" ALTER COLUMN "search_latin" DROP EXPRESSION;
--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "search_latin_key" DROP EXPRESSION;
--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "search_arabic_key" DROP EXPRESSION;
--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "phone_key" DROP EXPRESSION;
--> statement-breakpoint
-- 2. Dictionary of the distinct name words (thousands of rows, not millions): a search expands each
--    typed word through it (the last word as a prefix, an unknown word by trigram similarity) into
--    key words, then matches persons by whole key words. Latin rows: the word as spelled (folded by
--    f_unaccent) and its jisr_latin_key; Arabic rows: the jisr_arabic_key word (word = key).
--    Words are never removed: a word nobody bears any more only widens a search by nothing.
CREATE TABLE "person_name_words" (
	"script" text NOT NULL,
	"word" text NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "person_name_words_script_word_pk" PRIMARY KEY("script","word"),
	CONSTRAINT "person_name_words_script_check" CHECK ("script" in ('latin', 'arabic'))
);
--> statement-breakpoint
CREATE INDEX "person_name_words_prefix_idx" ON "person_name_words" USING btree ("script","word" text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "person_name_words_key_idx" ON "person_name_words" USING btree ("script","key" text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "person_name_words_trgm_idx" ON "person_name_words" USING gin ("word" gin_trgm_ops);
--> statement-breakpoint
INSERT INTO "person_name_words" ("script", "word", "key")
SELECT 'latin', w, jisr_latin_key(w)
FROM (SELECT DISTINCT w FROM "persons", regexp_split_to_table("search_latin", '[^a-z]+') AS w WHERE w <> '') d
UNION ALL
SELECT 'arabic', w, w
FROM (SELECT DISTINCT w FROM "persons", regexp_split_to_table("search_arabic_key", ' ') AS w WHERE w <> '') d;
--> statement-breakpoint
-- 3. Fallback for writers that give no keys (a plain SQL insert, another module's test data): the
--    SQL functions fill them, and the row's words join the dictionary. The WHEN conditions keep the
--    fast path (keys supplied by the application) free of any PL/pgSQL call.
CREATE OR REPLACE FUNCTION persons_fill_search_keys() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_latin := f_unaccent(NEW.first_name_latin || ' ' || NEW.last_name_latin);
  NEW.search_latin_key := jisr_latin_key(NEW.first_name_latin || ' ' || NEW.last_name_latin);
  NEW.search_arabic_key := jisr_arabic_key(coalesce(NEW.first_name_ar, '') || ' ' || coalesce(NEW.last_name_ar, ''));
  NEW.phone_key := jisr_phone_key(NEW.phone);
  INSERT INTO person_name_words (script, word, key)
  SELECT 'latin', w, jisr_latin_key(w) FROM regexp_split_to_table(NEW.search_latin, '[^a-z]+') AS w WHERE w <> ''
  UNION
  SELECT 'arabic', w, w FROM regexp_split_to_table(NEW.search_arabic_key, ' ') AS w WHERE w <> ''
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "persons_search_keys_insert" BEFORE INSERT ON "persons" FOR EACH ROW
  WHEN (NEW.search_latin IS NULL OR NEW.search_latin_key IS NULL OR NEW.search_arabic_key IS NULL
        OR (NEW.phone_key IS NULL AND NEW.phone IS NOT NULL))
  EXECUTE FUNCTION persons_fill_search_keys();
--> statement-breakpoint
-- On UPDATE: names (or phone) changed and the keys did not, i.e. the writer left them as they were.
CREATE TRIGGER "persons_search_keys_update" BEFORE UPDATE ON "persons" FOR EACH ROW
  WHEN (((NEW.first_name_latin, NEW.last_name_latin) IS DISTINCT FROM (OLD.first_name_latin, OLD.last_name_latin)
          AND NEW.search_latin IS NOT DISTINCT FROM OLD.search_latin
          AND NEW.search_latin_key IS NOT DISTINCT FROM OLD.search_latin_key)
        OR ((NEW.first_name_ar, NEW.last_name_ar) IS DISTINCT FROM (OLD.first_name_ar, OLD.last_name_ar)
          AND NEW.search_arabic_key IS NOT DISTINCT FROM OLD.search_arabic_key)
        OR (NEW.phone IS DISTINCT FROM OLD.phone AND NEW.phone_key IS NOT DISTINCT FROM OLD.phone_key)
        OR NEW.search_latin IS NULL OR NEW.search_latin_key IS NULL OR NEW.search_arabic_key IS NULL)
  EXECUTE FUNCTION persons_fill_search_keys();
--> statement-breakpoint
-- 4. Search by whole key words in both scripts (GIN on the word arrays; the Latin one is from 0011).
CREATE INDEX "persons_search_arabic_key_words_idx" ON "persons" USING gin (string_to_array("search_arabic_key", ' '));
--> statement-breakpoint
-- 5. The trigram indexes on persons served the `<%` searches, now gone; they were most of the cost
--    of writing a person (three GIN indexes of ~15 trigrams each per row).
DROP INDEX IF EXISTS "persons_search_latin_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "persons_search_latin_key_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "persons_search_arabic_key_idx";
