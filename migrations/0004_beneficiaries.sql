CREATE TYPE "public"."consent_purpose" AS ENUM('registry', 'programmes', 'data_sharing', 'contact', 'photo');--> statement-breakpoint
CREATE TYPE "public"."disability_type" AS ENUM('motor', 'visual', 'hearing', 'intellectual', 'psychic', 'multiple', 'other');--> statement-breakpoint
CREATE TYPE "public"."marital_status" AS ENUM('single', 'married', 'divorced', 'widowed');--> statement-breakpoint
CREATE TYPE "public"."household_relationship" AS ENUM('head', 'spouse', 'child', 'parent', 'sibling', 'other');--> statement-breakpoint
CREATE TYPE "public"."schooling_level" AS ENUM('none', 'literacy', 'primary', 'lower_secondary', 'upper_secondary', 'vocational', 'higher');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('female', 'male');--> statement-breakpoint
CREATE TYPE "public"."application_event_kind" AS ENUM('filed', 'advanced', 'rejected', 'withdrawn', 'completed', 'reopened');--> statement-breakpoint
CREATE TYPE "public"."application_status" AS ENUM('pending', 'enrolled', 'completed', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."benefit_type" AS ENUM('monthly_cash_transfer', 'one_off_grant', 'in_kind', 'service', 'training', 'accompaniment');--> statement-breakpoint
CREATE TYPE "public"."application_channel" AS ENUM('office', 'online');--> statement-breakpoint
CREATE TYPE "public"."amount_periodicity" AS ENUM('once', 'monthly', 'quarterly', 'yearly');--> statement-breakpoint
CREATE TYPE "public"."program_status" AS ENUM('draft', 'active', 'closed');--> statement-breakpoint
CREATE TYPE "public"."service_type" AS ENUM('cash_transfer', 'grant', 'in_kind', 'training', 'mentoring', 'counselling', 'financing', 'care', 'other');--> statement-breakpoint
CREATE TYPE "public"."stage_kind" AS ENUM('intake', 'review', 'decision', 'enrolled', 'follow_up', 'closed');--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" "consent_purpose" NOT NULL,
	"granted" boolean DEFAULT true NOT NULL,
	"given_on" date NOT NULL,
	"recorded_by_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"relationship" "household_relationship" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY NOT NULL,
	"head_person_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"commune" text,
	"address" text,
	"socio_economic_score" numeric(12, 7),
	"score_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cin" text,
	"first_name_latin" text NOT NULL,
	"last_name_latin" text NOT NULL,
	"first_name_ar" text,
	"last_name_ar" text,
	"sex" "sex" NOT NULL,
	"birth_date" date NOT NULL,
	"phone" text,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"commune" text,
	"address" text,
	"marital_status" "marital_status",
	"schooling_level" "schooling_level",
	"disability_type" "disability_type",
	"disability_card_number" text,
	"situation_notes" text,
	"merged_into_id" uuid,
	"merged_at" timestamp with time zone,
	"search_latin" text GENERATED ALWAYS AS (f_unaccent(first_name_latin || ' ' || last_name_latin)) STORED,
	"search_latin_key" text GENERATED ALWAYS AS (jisr_latin_key(first_name_latin || ' ' || last_name_latin)) STORED,
	"search_arabic_key" text GENERATED ALWAYS AS (jisr_arabic_key(coalesce(first_name_ar, '') || ' ' || coalesce(last_name_ar, ''))) STORED,
	"phone_key" text GENERATED ALWAYS AS (jisr_phone_key(phone)) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "application_event_kind" NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"reason" text,
	"actor_id" uuid,
	"actor_label" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"delivered_on" date NOT NULL,
	"type" "service_type" NOT NULL,
	"quantity" numeric,
	"unit" text,
	"amount_centimes" bigint,
	"provider_id" uuid,
	"notes" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"channel" "application_channel" NOT NULL,
	"status" "application_status" DEFAULT 'pending' NOT NULL,
	"stage_id" uuid NOT NULL,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"eligibility_outcome" text,
	"eligibility_result" jsonb,
	"enrolled_on" date,
	"closed_on" date,
	"rejection_reason" text,
	"notes" text,
	"tracking_hash" text,
	"filed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_funders" (
	"program_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "program_funders_program_id_organization_id_pk" PRIMARY KEY("program_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "program_regions" (
	"program_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "program_regions_program_id_region_code_pk" PRIMARY KEY("program_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "program_stages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_ar" text NOT NULL,
	"kind" "stage_kind" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_ar" text NOT NULL,
	"objective_fr" text,
	"objective_ar" text,
	"target_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"benefit_type" "benefit_type" NOT NULL,
	"amount_centimes" bigint,
	"amount_periodicity" "amount_periodicity",
	"amount_ceiling_centimes" bigint,
	"budget_centimes" bigint,
	"national" boolean DEFAULT true NOT NULL,
	"capacity" integer,
	"start_date" date,
	"end_date" date,
	"status" "program_status" DEFAULT 'draft' NOT NULL,
	"eligibility" jsonb DEFAULT '{"combinator":"all","conditions":[]}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_head_person_id_persons_id_fk" FOREIGN KEY ("head_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_merged_into_id_persons_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_services" ADD CONSTRAINT "application_services_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_services" ADD CONSTRAINT "application_services_provider_id_organizations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_stage_id_program_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."program_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_funders" ADD CONSTRAINT "program_funders_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_funders" ADD CONSTRAINT "program_funders_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_regions" ADD CONSTRAINT "program_regions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_regions" ADD CONSTRAINT "program_regions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_stages" ADD CONSTRAINT "program_stages_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_person_idx" ON "consents" USING btree ("person_id","given_on");--> statement-breakpoint
CREATE UNIQUE INDEX "household_members_person_idx" ON "household_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "household_members_household_idx" ON "household_members" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_members_head_idx" ON "household_members" USING btree ("household_id") WHERE "household_members"."relationship" = 'head';--> statement-breakpoint
CREATE INDEX "households_head_idx" ON "households" USING btree ("head_person_id");--> statement-breakpoint
CREATE INDEX "households_province_idx" ON "households" USING btree ("province_code","id");--> statement-breakpoint
CREATE INDEX "households_region_idx" ON "households" USING btree ("region_code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_cin_idx" ON "persons" USING btree ("cin") WHERE "persons"."cin" is not null;--> statement-breakpoint
CREATE INDEX "persons_phone_idx" ON "persons" USING btree ("phone_key");--> statement-breakpoint
CREATE INDEX "persons_birth_province_idx" ON "persons" USING btree ("birth_date","province_code");--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("last_name_latin","first_name_latin","id");--> statement-breakpoint
CREATE INDEX "persons_province_name_idx" ON "persons" USING btree ("province_code","last_name_latin","first_name_latin","id");--> statement-breakpoint
CREATE INDEX "persons_region_name_idx" ON "persons" USING btree ("region_code","last_name_latin","first_name_latin","id");--> statement-breakpoint
CREATE INDEX "persons_merged_into_idx" ON "persons" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "persons_search_latin_idx" ON "persons" USING gin ("search_latin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_search_latin_key_idx" ON "persons" USING gin ("search_latin_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_search_arabic_key_idx" ON "persons" USING gin ("search_arabic_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "application_events_app_idx" ON "application_events" USING btree ("application_id","occurred_at");--> statement-breakpoint
CREATE INDEX "application_services_app_idx" ON "application_services" USING btree ("application_id","delivered_on");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_open_key" ON "applications" USING btree ("person_id","program_id") WHERE status in ('pending', 'enrolled');--> statement-breakpoint
CREATE UNIQUE INDEX "applications_tracking_key" ON "applications" USING btree ("tracking_hash");--> statement-breakpoint
CREATE INDEX "applications_program_idx" ON "applications" USING btree ("program_id","created_at","id");--> statement-breakpoint
CREATE INDEX "applications_queue_idx" ON "applications" USING btree ("program_id","stage_changed_at","id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "applications_person_idx" ON "applications" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "program_funders_org_idx" ON "program_funders" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_stages_code_key" ON "program_stages" USING btree ("program_id","code");--> statement-breakpoint
CREATE INDEX "program_stages_position_idx" ON "program_stages" USING btree ("program_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_code_key" ON "programs" USING btree ("code");--> statement-breakpoint
CREATE INDEX "programs_name_idx" ON "programs" USING btree ("name_fr","id");--> statement-breakpoint
CREATE INDEX "programs_status_idx" ON "programs" USING btree ("status");