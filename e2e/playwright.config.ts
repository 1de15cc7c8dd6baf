import { defineConfig } from "@playwright/test";

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 8791}`;

/** Browser tests on the built app (`npm run build:web` first), in Debian's Chromium. */
export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  use: {
    baseURL,
    headless: true,
    locale: "fr-FR",
    timezoneId: "Africa/Casablanca",
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    cwd: "..",
    url: `${baseURL}/api/v1/health`,
    reuseExistingServer: false,
    // First start builds the web app and loads the whole demo dataset; a busy machine needs the margin.
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
