CREATE TYPE "public"."attendance_status" AS ENUM('present', 'absent', 'excused');--> statement-breakpoint
CREATE TYPE "public"."referral_source" AS ENUM('family', 'social_services', 'court', 'hospital', 'association', 'self', 'other');--> statement-breakpoint
CREATE TYPE "public"."resident_service_type" AS ENUM('care', 'schooling_support', 'psychological_support', 'meals', 'activities', 'other');--> statement-breakpoint
CREATE TYPE "public"."stay_status" AS ENUM('requested', 'accepted', 'refused', 'admitted', 'discharged');--> statement-breakpoint
CREATE TYPE "public"."corrective_action_status" AS ENUM('open', 'done');--> statement-breakpoint
CREATE TYPE "public"."authorisation_status" AS ENUM('authorised', 'pending', 'suspended', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."connectivity_type" AS ENUM('none', 'mobile', 'adsl', 'fibre', 'satellite');--> statement-breakpoint
CREATE TYPE "public"."establishment_category" AS ENUM('children_in_difficulty', 'elderly', 'disability', 'women_in_difficulty', 'homeless', 'student_house_boys', 'student_house_girls', 'multipurpose_social_centre', 'other');--> statement-breakpoint
CREATE TYPE "public"."hot_water_type" AS ENUM('none', 'electric', 'solar');--> statement-breakpoint
CREATE TYPE "public"."staff_function" AS ENUM('director', 'educator', 'social_worker', 'nurse', 'cook', 'guard', 'administrative', 'other');--> statement-breakpoint
CREATE TYPE "public"."work_nature" AS ENUM('rehabilitation', 'equipment', 'extension', 'maintenance', 'other');--> statement-breakpoint
CREATE TABLE "resident_attendance" (
	"stay_id" uuid NOT NULL,
	"day" date NOT NULL,
	"establishment_id" uuid NOT NULL,
	"status" "attendance_status" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resident_attendance_stay_id_day_pk" PRIMARY KEY("stay_id","day")
);
--> statement-breakpoint
CREATE TABLE "resident_services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stay_id" uuid NOT NULL,
	"delivered_on" date NOT NULL,
	"type" "resident_service_type" NOT NULL,
	"note" text,
	"provider" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_stays" (
	"id" uuid PRIMARY KEY NOT NULL,
	"establishment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"sex" "sex" NOT NULL,
	"status" "stay_status" DEFAULT 'requested' NOT NULL,
	"referral_source" "referral_source" NOT NULL,
	"request_reason" text NOT NULL,
	"requested_on" date NOT NULL,
	"decided_on" date,
	"decision_reason" text,
	"admitted_on" date,
	"place" text,
	"over_capacity_reason" text,
	"discharged_on" date,
	"discharge_reason" text,
	"discharge_destination" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cohort_members" (
	"cohort_id" uuid NOT NULL,
	"establishment_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_members_cohort_id_establishment_id_pk" PRIMARY KEY("cohort_id","establishment_id")
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_ar" text,
	"goal" text,
	"target_count" integer NOT NULL,
	"partner_id" uuid,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrective_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"establishment_id" uuid NOT NULL,
	"description" text NOT NULL,
	"due_date" date NOT NULL,
	"status" "corrective_action_status" DEFAULT 'open' NOT NULL,
	"done_on" date,
	"follow_up_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "establishment_staff" (
	"establishment_id" uuid NOT NULL,
	"function" "staff_function" NOT NULL,
	"male" integer DEFAULT 0 NOT NULL,
	"female" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "establishment_staff_establishment_id_function_pk" PRIMARY KEY("establishment_id","function"),
	CONSTRAINT "establishment_staff_counts_check" CHECK ("establishment_staff"."male" >= 0 and "establishment_staff"."female" >= 0)
);
--> statement-breakpoint
CREATE TABLE "establishment_works" (
	"id" uuid PRIMARY KEY NOT NULL,
	"establishment_id" uuid NOT NULL,
	"work_date" date NOT NULL,
	"nature" "work_nature" NOT NULL,
	"description" text,
	"amount_centimes" bigint,
	"funder_id" uuid,
	"convention_reference" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "establishments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_ar" text,
	"category" "establishment_category" NOT NULL,
	"managing_organization_id" uuid,
	"region_code" text NOT NULL,
	"province_code" text,
	"commune" text,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"opening_date" date,
	"phone" text,
	"email" text,
	"director_name" text,
	"authorisation_status" "authorisation_status" DEFAULT 'pending' NOT NULL,
	"authorisation_number" text,
	"authorisation_issued_on" date,
	"authorisation_expires_on" date,
	"capacity_male" integer DEFAULT 0 NOT NULL,
	"capacity_female" integer DEFAULT 0 NOT NULL,
	"connectivity" "connectivity_type" DEFAULT 'none' NOT NULL,
	"connectivity_since" date,
	"connectivity_funder_id" uuid,
	"solar_kwp" numeric(8, 2),
	"solar_installed_on" date,
	"solar_funder_id" uuid,
	"hot_water" "hot_water_type" DEFAULT 'none' NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "establishments_capacity_check" CHECK ("establishments"."capacity_male" >= 0 and "establishments"."capacity_female" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"establishment_id" uuid NOT NULL,
	"visit_date" date NOT NULL,
	"inspector_name" text NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"findings" text,
	"follow_up" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resident_attendance" ADD CONSTRAINT "resident_attendance_stay_id_resident_stays_id_fk" FOREIGN KEY ("stay_id") REFERENCES "public"."resident_stays"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_attendance" ADD CONSTRAINT "resident_attendance_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_services" ADD CONSTRAINT "resident_services_stay_id_resident_stays_id_fk" FOREIGN KEY ("stay_id") REFERENCES "public"."resident_stays"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_services" ADD CONSTRAINT "resident_services_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_stays" ADD CONSTRAINT "resident_stays_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_stays" ADD CONSTRAINT "resident_stays_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_partner_id_organizations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishment_staff" ADD CONSTRAINT "establishment_staff_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishment_works" ADD CONSTRAINT "establishment_works_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishment_works" ADD CONSTRAINT "establishment_works_funder_id_organizations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishments" ADD CONSTRAINT "establishments_managing_organization_id_organizations_id_fk" FOREIGN KEY ("managing_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishments" ADD CONSTRAINT "establishments_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishments" ADD CONSTRAINT "establishments_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishments" ADD CONSTRAINT "establishments_connectivity_funder_id_organizations_id_fk" FOREIGN KEY ("connectivity_funder_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishments" ADD CONSTRAINT "establishments_solar_funder_id_organizations_id_fk" FOREIGN KEY ("solar_funder_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resident_attendance_day_idx" ON "resident_attendance" USING btree ("establishment_id","day");--> statement-breakpoint
CREATE INDEX "resident_services_stay_idx" ON "resident_services" USING btree ("stay_id","delivered_on");--> statement-breakpoint
CREATE INDEX "resident_stays_establishment_idx" ON "resident_stays" USING btree ("establishment_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "resident_stays_one_open_key" ON "resident_stays" USING btree ("person_id") WHERE status in ('requested', 'accepted', 'admitted');--> statement-breakpoint
CREATE INDEX "resident_stays_person_idx" ON "resident_stays" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "cohort_members_establishment_idx" ON "cohort_members" USING btree ("establishment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cohorts_code_key" ON "cohorts" USING btree ("code");--> statement-breakpoint
CREATE INDEX "cohorts_name_idx" ON "cohorts" USING btree ("name_fr","id");--> statement-breakpoint
CREATE INDEX "corrective_actions_inspection_idx" ON "corrective_actions" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "corrective_actions_open_idx" ON "corrective_actions" USING btree ("establishment_id","due_date") WHERE "corrective_actions"."status" = 'open';--> statement-breakpoint
CREATE INDEX "establishment_works_establishment_idx" ON "establishment_works" USING btree ("establishment_id","work_date");--> statement-breakpoint
CREATE UNIQUE INDEX "establishments_code_key" ON "establishments" USING btree ("code");--> statement-breakpoint
CREATE INDEX "establishments_name_idx" ON "establishments" USING btree ("name_fr","id");--> statement-breakpoint
CREATE INDEX "establishments_region_idx" ON "establishments" USING btree ("region_code","name_fr","id");--> statement-breakpoint
CREATE INDEX "establishments_province_idx" ON "establishments" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "establishments_org_idx" ON "establishments" USING btree ("managing_organization_id");--> statement-breakpoint
CREATE INDEX "establishments_search_idx" ON "establishments" USING gin (f_unaccent("code" || ' ' || "name_fr" || ' ' || coalesce("name_ar", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "inspections_establishment_idx" ON "inspections" USING btree ("establishment_id","visit_date");