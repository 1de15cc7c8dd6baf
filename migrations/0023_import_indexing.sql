-- A first load builds the registry's indexes after its rows (minutes at national scale): a phase of
-- its own, with how many of the indexes are built, so that its progress bar does not sit at 100 %.
ALTER TYPE "public"."person_import_status" ADD VALUE 'indexing' BEFORE 'completed';--> statement-breakpoint
ALTER TABLE "person_imports" ADD COLUMN "indexes_built" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_imports" ADD COLUMN "indexes_total" integer DEFAULT 0 NOT NULL;
