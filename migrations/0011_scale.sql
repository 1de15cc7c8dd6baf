-- National scale (bench/explain.test.ts finds these): indexes so that every list and search endpoint reads through an index at 5 million persons.
-- GET /applications lists the caller's applications newest first: without this index each page read and sorted the whole table.
CREATE INDEX "applications_created_idx" ON "applications" USING btree ("created_at","id");
