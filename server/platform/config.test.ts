import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("configuration", () => {
  it("has defaults for a newcomer", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      dataDir: "./data",
      adminEmail: "admin@jisr.local",
      demo: true,
      databaseUrl: undefined,
    });
  });

  it("names every invalid variable and why", () => {
    expect(() =>
      loadConfig({ PORT: "http", DATABASE_URL: "mysql://x", JISR_ADMIN_PASSWORD: "short" }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ PORT: "http", DATABASE_URL: "mysql://x", JISR_ADMIN_PASSWORD: "short", JISR_DEMO: "yes" });
    } catch (e) {
      const m = (e as Error).message;
      expect(m).toContain("PORT");
      expect(m).toContain("DATABASE_URL: must start with postgres://");
      expect(m).toContain("JISR_ADMIN_PASSWORD: must be at least 12 characters");
      expect(m).toContain("JISR_DEMO: must be 0 or 1");
    }
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", JISR_DEMO: "0" })).toMatchObject({
      databaseUrl: undefined,
      demo: false,
    });
  });
});
