-- Hand-written: Jisr's calendar is Morocco's (contracts/calendar.ts). The application counts'
-- full recount dated its age bands by the UTC day, while the code rebases them to the day in
-- Morocco: between midnight in Morocco and midnight UTC a recount wrote yesterday's date and the
-- next read moved every band back again. jisr_today() is the day in Morocco whatever the
-- session's TimeZone (Jisr's own connections set it, psql and other tools may not).
CREATE FUNCTION jisr_today() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (now() AT TIME ZONE 'Africa/Casablanca')::date
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION application_counts_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE day date := jisr_today();
BEGIN
  PERFORM 1 FROM application_counts_as_of FOR UPDATE;
  UPDATE application_counts_as_of SET as_of = day;
  DELETE FROM application_counts;
  INSERT INTO application_counts (program_id, stage_id, active, region_code, province_code, sex, age_band, n)
  SELECT a.program_id, a.stage_id, a.status NOT IN ('rejected', 'withdrawn'), p.region_code, p.province_code,
         p.sex::text, application_age_band(p.birth_date, day), count(*)
    FROM applications a JOIN persons p ON p.id = a.person_id
   GROUP BY 1, 2, 3, 4, 5, 6, 7;
END $$;
--> statement-breakpoint
-- The counts' day, set to the UTC day by migration 0015, moved to the day in Morocco.
SELECT application_counts_rebase(jisr_today());
