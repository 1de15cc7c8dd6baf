import { expect, test } from "@playwright/test";
import { backToFrench, DEMO_PASSWORD, frenchAgain, login, screenshotPath, toArabic } from "./helpers.ts";

test.afterEach(({ page }) => frenchAgain(page));

/**
 * The national officer opens the national dashboard, switches to Arabic, clicks a region
 * on the map and reaches one of its projects.
 */
test("national dashboard → Arabic → region on the map → one of its projects", async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, "national@jisr.local", DEMO_PASSWORD);
  await page.getByRole("link", { name: "Tableau de bord" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord national" })).toBeVisible();
  const map = page.getByTestId("region-map");
  await expect(map).toBeVisible();
  await expect(page.getByTestId("dashboard-territories").locator("tbody tr")).toHaveCount(12);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.screenshot({ path: screenshotPath("dashboard-national"), fullPage: true });

  // A region that has projects, as the dashboard's own API says.
  const national = await (await page.request.get("/api/v1/dashboards/national")).json();
  const region = national.territories.find((t: { projects: number }) => t.projects > 0);
  expect(region, "the demo data has projects").toBeTruthy();

  await toArabic(page);
  await expect(page.getByRole("heading", { level: 1, name: "لوحة القيادة الوطنية" })).toBeVisible();
  await page.screenshot({ path: screenshotPath("dashboard-national-ar"), fullPage: true });

  await map.locator(`[data-region="${region.code}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/regions/${region.code}$`));
  const projects = page.getByTestId("region-projects");
  await expect(projects.locator("tbody tr").first()).toBeVisible();
  await page.screenshot({ path: screenshotPath("dashboard-region-ar"), fullPage: true });
  const link = projects.locator("tbody tr a").first();
  const title = (await link.innerText()).trim();
  await link.click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await backToFrench(page);
});

/** A partner reads the indicators: definitions, then targets against actuals. */
test("partner: indicators list and a target-vs-actual chart", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Adresse e-mail").fill("partner@jisr.local");
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("link", { name: "Indicateurs" }).click();
  await page.getByRole("link", { name: "Établissements réhabilités" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Établissements réhabilités" })).toBeVisible();
  await expect(page.getByTestId("progress-table").locator("tbody tr").first()).toBeVisible();
  await page.screenshot({ path: screenshotPath("indicator-detail"), fullPage: true });
});
