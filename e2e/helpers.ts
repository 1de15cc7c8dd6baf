import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@jisr.local", password: "e2e-admin-password-123" };
export const DEMO_PASSWORD = "demo-jisr-2026";

/** Signs in through the login page (French labels) and waits for the organisations list. */
export async function login(page: Page, email: string, password: string) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/organizations/);
  await expect(page.getByRole("heading", { level: 1, name: "Organisations" })).toBeVisible();
}

/** The organisations table once its first page has arrived. */
export async function organizationRows(page: Page) {
  const table = page.getByRole("table", { name: "Organisations" });
  await expect(table.locator("tbody tr").first()).toBeVisible();
  return table.locator("tbody tr");
}

/** Where a spec's screenshots go, whatever directory Playwright runs from. */
export const screenshotPath = (name: string) =>
  fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url));

/**
 * Switches the signed-in user's language and waits until the server has saved it as their
 * preference. Without the wait, a navigation right after the click cancels the save: the page
 * stays in the new language (remembered by the browser) while the server keeps the old one, so
 * switching back later sends nothing, and the next test signing in as the same user starts in
 * the wrong language.
 */
async function switchLanguage(page: Page, label: string, locale: "fr" | "ar", dir: "ltr" | "rtl") {
  const saved = page.waitForResponse(
    (r) =>
      r.url().endsWith("/api/v1/auth/me") &&
      r.request().method() === "PATCH" &&
      r.request().postDataJSON()?.locale === locale,
  );
  await page.getByText(label, { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", dir);
  expect((await saved).ok()).toBe(true);
}

/** To Arabic, right to left, saved as the signed-in user's preference. */
export const toArabic = (page: Page) => switchLanguage(page, "العربية", "ar", "rtl");

/** Back to French after a test switched language (see switchLanguage). */
export const backToFrench = (page: Page) => switchLanguage(page, "FR", "fr", "ltr");

/**
 * The language choice is remembered per user: a spec that switches language puts French back
 * through the API after each test (`test.afterEach(({ page }) => frenchAgain(page))`), even when
 * the test failed half-way.
 */
export async function frenchAgain(page: Page) {
  const me = await page.request.get("/api/v1/auth/me");
  if (!me.ok()) return;
  const { csrfToken } = await me.json();
  await page.request.patch("/api/v1/auth/me", {
    data: { locale: "fr" },
    headers: { "x-csrf-token": csrfToken },
  });
}
