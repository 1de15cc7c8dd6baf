CREATE TYPE "public"."indicator_aggregation" AS ENUM('sum', 'average', 'rate', 'latest');--> statement-breakpoint
CREATE TYPE "public"."indicator_direction" AS ENUM('higher', 'lower');--> statement-breakpoint
CREATE TYPE "public"."indicator_kind" AS ENUM('entered', 'computed');--> statement-breakpoint
CREATE TYPE "public"."indicator_unit" AS ENUM('count', 'percent', 'mad', 'ratio', 'days');--> statement-breakpoint
CREATE TYPE "public"."territory_level" AS ENUM('national', 'region', 'province');--> statement-breakpoint
CREATE TABLE "indicator_dataset_cache" (
	"name" text PRIMARY KEY NOT NULL,
	"stamp" text NOT NULL,
	"rows" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_measurements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"territory_level" "territory_level" NOT NULL,
	"territory_code" text,
	"sex" text,
	"age_band" text,
	"value" numeric(18, 4) NOT NULL,
	"numerator" numeric(18, 4),
	"denominator" numeric(18, 4),
	"source" text,
	"evidence_note" text,
	"evidence_file_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_source_touches" (
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_source_versions" (
	"source" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"territory_level" "territory_level" NOT NULL,
	"territory_code" text,
	"value" numeric(18, 4) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_ar" text NOT NULL,
	"description" text,
	"unit" "indicator_unit" NOT NULL,
	"direction" "indicator_direction" NOT NULL,
	"aggregation" "indicator_aggregation" NOT NULL,
	"disaggregations" text[] DEFAULT '{}'::text[] NOT NULL,
	"kind" "indicator_kind" NOT NULL,
	"computation" text,
	"computation_params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_computation_check" CHECK (("indicators"."kind" = 'computed') = ("indicators"."computation" is not null))
);
--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_measurements_idx" ON "indicator_measurements" USING btree ("indicator_id","period","territory_level","territory_code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_key" ON "indicator_targets" USING btree ("indicator_id","period","territory_level",coalesce("territory_code", ''));--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_key" ON "indicators" USING btree ("code");--> statement-breakpoint
CREATE INDEX "indicators_name_idx" ON "indicators" USING btree ("name_fr","id");--> statement-breakpoint
-- Hand-written: freshness of computed indicators (see indicators.table.ts). Each source table
-- notes once per transaction that it changed; at commit a deferred trigger bumps its version.
CREATE FUNCTION indicator_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('jisr.touched_' || TG_ARGV[0], true), '') <> 'on' THEN
    PERFORM set_config('jisr.touched_' || TG_ARGV[0], 'on', true);
    INSERT INTO indicator_source_touches(source) VALUES (TG_ARGV[0]);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Versions are locked in name order and only while committing: no deadlock, little waiting.
CREATE FUNCTION indicator_flush() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE touched text[];
BEGIN
  WITH gone AS (DELETE FROM indicator_source_touches RETURNING source)
  SELECT array_agg(DISTINCT source ORDER BY source) INTO touched FROM gone;
  IF touched IS NOT NULL THEN
    PERFORM 1 FROM indicator_source_versions WHERE source = ANY(touched) ORDER BY source FOR UPDATE;
    UPDATE indicator_source_versions SET version = version + 1 WHERE source = ANY(touched);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER indicator_source_touches_flush AFTER INSERT ON indicator_source_touches DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION indicator_flush();--> statement-breakpoint
-- After a bulk load with triggers disabled: SELECT indicator_sources_changed();
CREATE FUNCTION indicator_sources_changed() RETURNS void LANGUAGE sql AS $$
  UPDATE indicator_source_versions SET version = version + 1;
$$;--> statement-breakpoint
INSERT INTO indicator_source_versions (source) VALUES ('establishments'), ('resident_stays'), ('applications'), ('program_stages'), ('programs'), ('program_funders'), ('projects'), ('project_budget_lines'), ('disbursements'), ('project_milestones'), ('regions'), ('persons');--> statement-breakpoint
CREATE TRIGGER establishments_indicator_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON establishments FOR EACH STATEMENT EXECUTE FUNCTION indicator_touch('establishments');--> statement-breakpoint
CREATE TRIGGER resident_stays_indicator_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON resident_stays FOR EACH STATEMENT EXECUTE FUNCTION indicator_touch('resident_stays');--> statement-breakpoint
CREATE TRIGGER applications_indicator_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON applications FOR EACH STATEMENT EXECUTE FUNCTION indicator_touch('applications');--> statement-breakpoint
CREATE TRIGGER program_stages_indicator_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON program_stages FOR EACH STATEMENT EXECUTE FUNCTION indicator_touch('program_stages');--> statement-breakpoint
CREATE TRIGGER programs_indicator_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON programs FOR EACH STATEMENT EXECUTE FUNCTION indicator_touch('programs');--> statement-breakpoint
CREATE TRIGGER program_funders_indicator_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON program_funders FOR EACH STATEMENT EXECUTE FUNCTION indicator_touch('program_funders');--> statement-breakpoint
CREATE TRIGGER projects_indicator_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects FOR EACH STATEMENT EXECUTE FUNCTION indicator_touch('projects');--> statement-breakpoint
CREATE TRIGGER project_budget_lines_indicator_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_budget_lines FOR EACH STATEMENT EXECUTE FUNCTION indicator_touch('project_budget_lines');--> statement-breakpoint
CREATE TRIGGER disbursements_indicator_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON disbursements FOR EACH STATEMENT EXECUTE FUNCTION indicator_touch('disbursements');--> statement-breakpoint
CREATE TRIGGER project_milestones_indicator_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_milestones FOR EACH STATEMENT EXECUTE FUNCTION indicator_touch('project_milestones');--> statement-breakpoint
CREATE TRIGGER regions_indicator_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions FOR EACH STATEMENT EXECUTE FUNCTION indicator_touch('regions');--> statement-breakpoint
-- Persons matter to indicators only through the region, sex and age of applicants: a new person
-- has no application yet, and edits of names or addresses leave the figures unchanged.
CREATE TRIGGER persons_indicator_touch AFTER UPDATE ON persons FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code OR OLD.province_code IS DISTINCT FROM NEW.province_code OR OLD.sex IS DISTINCT FROM NEW.sex OR OLD.birth_date IS DISTINCT FROM NEW.birth_date) EXECUTE FUNCTION indicator_touch('persons');--> statement-breakpoint
CREATE TRIGGER persons_indicator_touch_delete AFTER DELETE OR TRUNCATE ON persons FOR EACH STATEMENT EXECUTE FUNCTION indicator_touch('persons');
