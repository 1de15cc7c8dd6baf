import { defineConfig } from "vitest/config";

// Unit and API tests on a real PostgreSQL; browser specs (e2e/) belong to Playwright, not here.
export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "contracts/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**"],
    globalSetup: ["server/platform/testing.global.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
