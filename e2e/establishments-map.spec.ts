import { expect, test } from "@playwright/test";
import { daysFromToday } from "../contracts/calendar.ts";
import { ADMIN, backToFrench, DEMO_PASSWORD, login, screenshotPath, toArabic } from "./helpers.ts";

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
  await toArabic(page);
  await expect(map.locator('[data-region="MA-06"]')).toContainText("الدار البيضاء");
  await page.screenshot({ path: screenshotPath("establishments-map-ar"), fullPage: true });
  await map.locator('[data-region="MA-06"]').focus();
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/region=MA-06/);
  await backToFrench(page);
});

/** An authorisation about to expire stands out in the list and on the detail page; the export follows the filters. */
test("admin: the authorisation-expiry warning shows in list and detail; export links carry the filters", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const unique = Date.now().toString(36).slice(-5);
  const request = await playwright.request.newContext({ baseURL });
  const auth = await request.post("/api/v1/auth/login", {
    data: { email: ADMIN.email, password: ADMIN.password },
  });
  const { csrfToken } = await auth.json();
  const soon = daysFromToday(20);
  const created = await request.post("/api/v1/establishments", {
    headers: { "x-csrf-token": csrfToken },
    data: {
      code: `E2E-EXP-${unique}`,
      nameFr: `Foyer expiration ${unique}`,
      category: "elderly",
      regionCode: "MA-04",
      authorisationStatus: "authorised",
      authorisationNumber: "AUT-1",
      authorisationExpiresOn: soon,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  await request.dispose();

  await login(page, ADMIN.email, ADMIN.password);
  await page.goto(`/establishments?q=${unique}&region=MA-04`);
  const row = page
    .getByRole("table", { name: "Établissements" })
    .locator("tbody tr")
    .filter({ hasText: unique });
  await expect(row.getByText("Autorisation expirant bientôt")).toBeVisible();
  await page.getByRole("button", { name: /Exporter/ }).click();
  const csv = page.getByRole("menuitem", { name: /CSV/ });
  await expect(csv).toHaveAttribute(
    "href",
    new RegExp(`q=${unique}.*region=MA-04|region=MA-04.*q=${unique}`),
  );
  await page.keyboard.press("Escape");
  await row.getByRole("link", { name: `Foyer expiration ${unique}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Foyer expiration ${unique}` })).toBeVisible();
  await expect(page.getByText("Autorisation expirant bientôt").first()).toBeVisible();
});
