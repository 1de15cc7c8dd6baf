CREATE TYPE "public"."budget_category" AS ENUM('works', 'equipment', 'services', 'training', 'operations', 'studies', 'other');--> statement-breakpoint
CREATE TYPE "public"."convention_status" AS ENUM('draft', 'signed', 'in_progress', 'completed', 'suspended', 'terminated');--> statement-breakpoint
CREATE TYPE "public"."convention_type" AS ENUM('framework', 'specific');--> statement-breakpoint
CREATE TYPE "public"."party_role" AS ENUM('signatory', 'funder', 'implementer', 'technical_partner', 'supervisor');--> statement-breakpoint
CREATE TYPE "public"."project_sector" AS ENUM('social_protection', 'establishments', 'youth_entrepreneurship', 'women_empowerment', 'disability', 'childhood', 'elderly', 'capacity_building', 'infrastructure', 'other');--> statement-breakpoint
CREATE TYPE "public"."project_status" AS ENUM('planned', 'in_progress', 'suspended', 'completed', 'cancelled');--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_files_size_check" CHECK ("stored_files"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "axis_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"axis_id" uuid NOT NULL,
	"label_fr" text NOT NULL,
	"label_ar" text,
	"target_value" numeric(14, 2),
	"unit" text,
	"indicator_code" text
);
--> statement-breakpoint
CREATE TABLE "convention_axes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"convention_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title_fr" text NOT NULL,
	"title_ar" text,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "convention_parties" (
	"id" uuid PRIMARY KEY NOT NULL,
	"convention_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" "party_role" NOT NULL,
	"committed_centimes" bigint DEFAULT 0 NOT NULL,
	"other_commitments" text,
	CONSTRAINT "convention_parties_amount_check" CHECK ("convention_parties"."committed_centimes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "conventions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"title_fr" text NOT NULL,
	"title_ar" text,
	"type" "convention_type" NOT NULL,
	"parent_id" uuid,
	"status" "convention_status" DEFAULT 'draft' NOT NULL,
	"signed_on" date,
	"signed_place" text,
	"start_date" date,
	"end_date" date,
	"region_code" text,
	"summary" text,
	"party_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conventions_dates_check" CHECK ("conventions"."end_date" is null or "conventions"."start_date" is null or "conventions"."end_date" >= "conventions"."start_date")
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"funder_id" uuid NOT NULL,
	"tranche_id" uuid,
	"paid_on" date NOT NULL,
	"amount_centimes" bigint NOT NULL,
	"reference" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disbursements_amount_check" CHECK ("disbursements"."amount_centimes" > 0)
);
--> statement-breakpoint
CREATE TABLE "project_budget_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"label" text NOT NULL,
	"category" "budget_category" NOT NULL,
	"funder_id" uuid NOT NULL,
	"amount_centimes" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_budget_lines_amount_check" CHECK ("project_budget_lines"."amount_centimes" > 0)
);
--> statement-breakpoint
CREATE TABLE "project_establishments" (
	"project_id" uuid NOT NULL,
	"establishment_id" uuid NOT NULL,
	CONSTRAINT "project_establishments_project_id_establishment_id_pk" PRIMARY KEY("project_id","establishment_id")
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"title_fr" text NOT NULL,
	"title_ar" text,
	"planned_date" date NOT NULL,
	"actual_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_programs" (
	"project_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	CONSTRAINT "project_programs_project_id_program_id_pk" PRIMARY KEY("project_id","program_id")
);
--> statement-breakpoint
CREATE TABLE "project_tranches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"funder_id" uuid NOT NULL,
	"milestone_id" uuid,
	"position" integer NOT NULL,
	"label" text,
	"amount_centimes" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_tranches_amount_check" CHECK ("project_tranches"."amount_centimes" > 0)
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title_fr" text NOT NULL,
	"title_ar" text,
	"convention_id" uuid,
	"axis_id" uuid,
	"region_code" text NOT NULL,
	"province_code" text,
	"sector" "project_sector" NOT NULL,
	"target_group" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" "project_status" DEFAULT 'planned' NOT NULL,
	"responsible_org_id" uuid,
	"physical_progress" integer DEFAULT 0 NOT NULL,
	"description" text,
	"party_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_dates_check" CHECK ("projects"."end_date" >= "projects"."start_date"),
	CONSTRAINT "projects_progress_check" CHECK ("projects"."physical_progress" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "axis_targets" ADD CONSTRAINT "axis_targets_axis_id_convention_axes_id_fk" FOREIGN KEY ("axis_id") REFERENCES "public"."convention_axes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convention_axes" ADD CONSTRAINT "convention_axes_convention_id_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convention_parties" ADD CONSTRAINT "convention_parties_convention_id_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."conventions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convention_parties" ADD CONSTRAINT "convention_parties_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conventions" ADD CONSTRAINT "conventions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_funder_id_organizations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_tranche_id_project_tranches_id_fk" FOREIGN KEY ("tranche_id") REFERENCES "public"."project_tranches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_budget_lines" ADD CONSTRAINT "project_budget_lines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_budget_lines" ADD CONSTRAINT "project_budget_lines_funder_id_organizations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_establishments" ADD CONSTRAINT "project_establishments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_establishments" ADD CONSTRAINT "project_establishments_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_programs" ADD CONSTRAINT "project_programs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_programs" ADD CONSTRAINT "project_programs_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_tranches" ADD CONSTRAINT "project_tranches_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_tranches" ADD CONSTRAINT "project_tranches_funder_id_organizations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_tranches" ADD CONSTRAINT "project_tranches_milestone_id_project_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."project_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_convention_id_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."conventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_axis_id_convention_axes_id_fk" FOREIGN KEY ("axis_id") REFERENCES "public"."convention_axes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_responsible_org_id_organizations_id_fk" FOREIGN KEY ("responsible_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_files_owner_idx" ON "stored_files" USING btree ("owner_type","owner_id","created_at");--> statement-breakpoint
CREATE INDEX "axis_targets_axis_idx" ON "axis_targets" USING btree ("axis_id");--> statement-breakpoint
CREATE UNIQUE INDEX "convention_axes_position_key" ON "convention_axes" USING btree ("convention_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "convention_parties_key" ON "convention_parties" USING btree ("convention_id","organization_id");--> statement-breakpoint
CREATE INDEX "convention_parties_org_idx" ON "convention_parties" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conventions_reference_key" ON "conventions" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "conventions_title_idx" ON "conventions" USING btree ("title_fr","id");--> statement-breakpoint
CREATE INDEX "conventions_region_idx" ON "conventions" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "conventions_parties_idx" ON "conventions" USING gin ("party_org_ids");--> statement-breakpoint
CREATE INDEX "disbursements_project_idx" ON "disbursements" USING btree ("project_id","funder_id");--> statement-breakpoint
CREATE INDEX "disbursements_funder_idx" ON "disbursements" USING btree ("funder_id","paid_on");--> statement-breakpoint
CREATE INDEX "project_budget_lines_project_idx" ON "project_budget_lines" USING btree ("project_id","funder_id");--> statement-breakpoint
CREATE INDEX "project_budget_lines_funder_idx" ON "project_budget_lines" USING btree ("funder_id");--> statement-breakpoint
CREATE INDEX "project_establishments_establishment_idx" ON "project_establishments" USING btree ("establishment_id");--> statement-breakpoint
CREATE INDEX "project_milestones_project_idx" ON "project_milestones" USING btree ("project_id","planned_date");--> statement-breakpoint
CREATE INDEX "project_milestones_open_idx" ON "project_milestones" USING btree ("planned_date") WHERE "project_milestones"."actual_date" is null;--> statement-breakpoint
CREATE INDEX "project_programs_program_idx" ON "project_programs" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "project_tranches_project_idx" ON "project_tranches" USING btree ("project_id","funder_id");--> statement-breakpoint
CREATE INDEX "project_tranches_milestone_idx" ON "project_tranches" USING btree ("milestone_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_code_key" ON "projects" USING btree ("code");--> statement-breakpoint
CREATE INDEX "projects_title_idx" ON "projects" USING btree ("title_fr","id");--> statement-breakpoint
CREATE INDEX "projects_region_idx" ON "projects" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "projects_province_idx" ON "projects" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "projects_convention_idx" ON "projects" USING btree ("convention_id");--> statement-breakpoint
CREATE INDEX "projects_parties_idx" ON "projects" USING gin ("party_org_ids");