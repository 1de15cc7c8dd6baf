CREATE TYPE "public"."project_domain" AS ENUM('governance', 'services', 'human_resources', 'finances', 'infrastructure', 'partnerships');--> statement-breakpoint
CREATE TYPE "public"."project_item_status" AS ENUM('todo', 'in_progress', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."project_phase" AS ENUM('diagnostic', 'action_plan', 'implementation', 'evaluation');--> statement-breakpoint
CREATE TABLE "establishment_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"establishment_id" uuid NOT NULL,
	"phase" "project_phase" DEFAULT 'diagnostic' NOT NULL,
	"partner_organization_id" uuid,
	"started_on" date,
	"summary" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_action_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"domain" "project_domain" NOT NULL,
	"title" text NOT NULL,
	"owner" text,
	"due_on" date,
	"cost_centimes" bigint,
	"funder_organization_id" uuid,
	"status" "project_item_status" DEFAULT 'todo' NOT NULL,
	"evidence" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_action_items_cost_check" CHECK ("project_action_items"."cost_centimes" is null or "project_action_items"."cost_centimes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_diagnostics" (
	"project_id" uuid NOT NULL,
	"domain" "project_domain" NOT NULL,
	"score" integer NOT NULL,
	"notes" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_diagnostics_project_id_domain_pk" PRIMARY KEY("project_id","domain"),
	CONSTRAINT "project_diagnostics_score_check" CHECK ("project_diagnostics"."score" between 0 and 5)
);
--> statement-breakpoint
CREATE TABLE "project_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"attendees" text NOT NULL,
	"decisions" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resident_stays" ALTER COLUMN "sex" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "establishment_projects" ADD CONSTRAINT "establishment_projects_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishment_projects" ADD CONSTRAINT "establishment_projects_partner_organization_id_organizations_id_fk" FOREIGN KEY ("partner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_action_items" ADD CONSTRAINT "project_action_items_project_id_establishment_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."establishment_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_action_items" ADD CONSTRAINT "project_action_items_funder_organization_id_organizations_id_fk" FOREIGN KEY ("funder_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_diagnostics" ADD CONSTRAINT "project_diagnostics_project_id_establishment_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."establishment_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_meetings" ADD CONSTRAINT "project_meetings_project_id_establishment_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."establishment_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "establishment_projects_establishment_key" ON "establishment_projects" USING btree ("establishment_id");--> statement-breakpoint
CREATE INDEX "project_action_items_project_idx" ON "project_action_items" USING btree ("project_id","due_on");--> statement-breakpoint
CREATE INDEX "project_meetings_project_idx" ON "project_meetings" USING btree ("project_id","held_on");--> statement-breakpoint
ALTER TABLE "resident_stays" ADD CONSTRAINT "resident_stays_sex_check" CHECK ("resident_stays"."sex" in ('female', 'male'));--> statement-breakpoint
ALTER TABLE "resident_stays" ADD CONSTRAINT "resident_stays_dates_check" CHECK ("resident_stays"."discharged_on" is null or ("resident_stays"."admitted_on" is not null and "resident_stays"."discharged_on" >= "resident_stays"."admitted_on"));