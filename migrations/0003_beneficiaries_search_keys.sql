-- Search keys for persons (beneficiaries module). Names of Moroccan persons are written in
-- Arabic script and transliterated into Latin script in many ways (Mohamed, Mohammed, Mhamed,
-- Muhammad; Youssef, Youcef, Yousef; Fatima, Fatimah). These IMMUTABLE functions fold such
-- variants to one key, so a trigram (pg_trgm) GIN index on the key finds them all.

-- Latin key: a consonant skeleton, the way Arabic itself writes names (short vowels are not
-- written in Arabic, so they are the part transliterations disagree on). Steps, in order:
--  1. lowercase, strip accents (f_unaccent), anything but a-z becomes a word break;
--  2. fold spellings of one sound: sh→ch, dj→j, ph→f, ck→k, q→k, ou→u; c→s before e/i/y, else k (ch stays);
--  3. drop a word-final h after a vowel (ta marbuta: Fatimah = Fatima);
--  4. collapse doubled letters (Mohammed = Mohamed, Youssef = Yousef);
--  5. a word-initial vowel becomes "a" (alef or ʿayn: Omar = Umar, Ibrahim = Abrahim);
--  6. drop every other vowel (Mohamed = Mhamed = Muhammad → mhmd);
--  7. collapse letters doubled by step 6.
CREATE OR REPLACE FUNCTION jisr_latin_key(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN btrim(
    regexp_replace(
      regexp_replace(
        regexp_replace(
          regexp_replace(
            regexp_replace(
              regexp_replace(
                regexp_replace(
                  replace(replace(replace(replace(replace(replace(
                    ' ' || regexp_replace(f_unaccent($1), '[^a-z]+', ' ', 'g') || ' ',
                    'sh', 'ch'), 'dj', 'j'), 'ph', 'f'), 'ck', 'k'), 'q', 'k'), 'ou', 'u'),
                  'c(?=[eiy])', 's', 'g'),
                'c(?!h)', 'k', 'g'),
              '([aeiou])h(?= )', '\1', 'g'),
            '([a-z])\1+', '\1', 'g'),
          ' [aeiou]+', ' a', 'g'),
        '([^ ])[aeiou]+', '\1', 'g'),
      '([a-z])\1+', '\1', 'g'));
--> statement-breakpoint
-- Arabic key: strip tashkeel (harakat, shadda, sukun, superscript alef) and tatweel; one alef
-- for أ إ آ ٱ; ة→ه, ى→ي, ؤ→و, ئ→ي; anything that is not an Arabic letter becomes a word break.
CREATE OR REPLACE FUNCTION jisr_arabic_key(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN btrim(
    regexp_replace(
      translate(regexp_replace($1, '[\u064B-\u065F\u0670\u0640]', '', 'g'), 'أإآٱةىؤئ', 'ااااهيوي'),
      '[^\u0621-\u064A\u0671-\u06D3]+', ' ', 'g'));
--> statement-breakpoint
-- Phone key: the last nine digits (0661 23 45 67, +212 661-234567 and 00212661234567 are one number).
CREATE OR REPLACE FUNCTION jisr_phone_key(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN nullif(right(regexp_replace($1, '[^0-9]', '', 'g'), 9), '');
