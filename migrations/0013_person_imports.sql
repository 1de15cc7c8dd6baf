CREATE TYPE "public"."person_import_status" AS ENUM('received', 'reading', 'writing', 'completed', 'failed');--> statement-breakpoint
CREATE TABLE "person_import_rejections" (
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"errors" jsonb NOT NULL,
	CONSTRAINT "person_import_rejections_import_id_row_number_pk" PRIMARY KEY("import_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "person_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"status" "person_import_status" DEFAULT 'received' NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_imported" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"households_imported" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error_params" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "person_import_rejections" ADD CONSTRAINT "person_import_rejections_import_id_person_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."person_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_imports" ADD CONSTRAINT "person_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "person_imports_completed_sha_idx" ON "person_imports" USING btree ("sha256") WHERE "person_imports"."status" = 'completed';--> statement-breakpoint
CREATE INDEX "person_imports_sha_idx" ON "person_imports" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "person_imports_created_by_idx" ON "person_imports" USING btree ("created_by","created_at");
