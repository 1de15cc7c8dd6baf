import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, login, screenshotPath } from "./helpers.ts";

/** The national officer filters the establishments by clicking a region of the map, then sees it in Arabic. */
test("national officer: the region map filters the establishments list", async ({ page }) => {
  await login(page, "national@jisr.local", DEMO_PASSWORD);
  await page.goto("/establishments");
  const map = page.getByTestId("region-map");
  await expect(map).toBeVisible();
  const casablanca = map.getByRole("button", { name: /^Casablanca-Settat/ });
  await expect(casablanca).toBeVisible();
  await expect(page.getByTestId("category-counts")).toContainText("Personnes âgées");

  await casablanca.click();
  await expect(page).toHaveURL(/region=MA-06/);
  await expect(casablanca).toHaveAttribute("aria-pressed", "true");
  await expect(casablanca).toContainText("Casablanca");
  const rows = page.getByRole("table", { name: "Établissements" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await expect(async () => {
    const regions = await rows.locator("td:nth-child(4)").allInnerTexts();
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions) expect(region).toBe("Casablanca-Settat");
  }).toPass();
  await page.screenshot({ path: screenshotPath("establishments-map"), fullPage: true });

  // Arabic, right to left; a keyboard press on the selected region clears the filter.
  await page.getByText("العربية", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(map.locator('[data-region="MA-06"]')).toContainText("الدار البيضاء");
  await page.screenshot({ path: screenshotPath("establishments-map-ar"), fullPage: true });
  await map.locator('[data-region="MA-06"]').focus();
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/region=MA-06/);
  await page.getByText("FR", { exact: true }).click();
});
