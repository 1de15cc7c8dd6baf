import { defineConfig } from "drizzle-kit";

// Tables live beside their module as `<module>.table.ts`; migrations are generated SQL, append-only.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./server/platform/*.table.ts", "./server/modules/*/*.table.ts"],
  out: "./migrations",
});
