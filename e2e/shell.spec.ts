import { expect, test } from "@playwright/test";
import {
  ADMIN,
  backToFrench,
  DEMO_PASSWORD,
  login,
  organizationRows,
  screenshotPath,
  toArabic,
} from "./helpers.ts";

test("admin: language and direction, create an organisation, its audit trail, sign out", async ({ page }) => {
  await login(page, ADMIN.email, ADMIN.password);
  await organizationRows(page);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");

  // Arabic: right-to-left, Arabic texts, remembered across a reload.
  await toArabic(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1, name: "الهيئات" })).toBeVisible();
  await expect(page.getByRole("link", { name: "المجالات الترابية" })).toBeVisible();
  const arabicTable = page.getByRole("table", { name: "الهيئات" });
  await expect(arabicTable.getByRole("columnheader", { name: "الاسم بالعربية" })).toBeVisible();
  await expect(arabicTable.locator("tbody tr").first()).toBeVisible();
  await page.screenshot({ path: screenshotPath("organizations-ar") });

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: "الهيئات" })).toBeVisible();

  await backToFrench(page);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1, name: "Organisations" })).toBeVisible();

  // Create: the server's field error lands under the e-mail field, then the fixed form goes through.
  const name = `Association Jisr e2e ${Date.now()}`;
  await page.getByRole("link", { name: "Nouvelle organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouvelle organisation" })).toBeVisible();
  await page.getByRole("combobox", { name: "Type" }).click();
  await page.getByRole("option", { name: "Association", exact: true }).click();
  await page.getByLabel("Nom en français").fill(name);
  await page.getByLabel("Nom en arabe").fill("جمعية الاختبار");
  await page.getByRole("combobox", { name: "Région" }).click();
  await page.getByRole("option", { name: "Casablanca-Settat" }).click();
  const email = page.getByLabel("E-mail");
  await email.fill("pas-une-adresse");
  await page.getByRole("button", { name: "Créer" }).click();
  await expect(page.getByText("Adresse e-mail invalide.")).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: screenshotPath("organization-form-error"), fullPage: true });

  await email.fill("contact@association-e2e.ma");
  await expect(page.getByText("Adresse e-mail invalide.")).toBeHidden();
  await page.getByRole("button", { name: "Créer" }).click();

  // Its record.
  await expect(page).toHaveURL(/\/organizations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("contact@association-e2e.ma")).toBeVisible();
  await expect(page.getByText("Casablanca-Settat")).toBeVisible();
  await page.screenshot({ path: screenshotPath("organization-detail"), fullPage: true });

  // Its audit trail starts with its creation.
  await page.getByRole("main").getByRole("link", { name: "Journal d'audit" }).click();
  await expect(page).toHaveURL(/\/audit\?.*entityType=organization/);
  const creation = page.locator('article[data-action="organization.create"]');
  await expect(creation).toHaveCount(1);
  await expect(creation.getByText("Création", { exact: true })).toBeVisible();
  await expect(creation.getByRole("cell", { name: "contact@association-e2e.ma" })).toBeVisible();
  await page.screenshot({ path: screenshotPath("audit"), fullPage: true });

  // Sign out.
  await page.getByRole("button", { name: /^Menu de / }).click();
  await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("button", { name: "Se connecter" })).toBeVisible();
});

test("regional officer: only organisations of Casablanca-Settat, no user management", async ({ page }) => {
  await login(page, "casablanca@jisr.local", DEMO_PASSWORD);
  const rows = await organizationRows(page);
  const regions = await rows.locator('td[data-column="region"]').allInnerTexts();
  expect(regions.length).toBeGreaterThan(0);
  for (const region of regions) expect(region.trim()).toBe("Casablanca-Settat");

  const menu = page.getByRole("navigation", { name: "Menu principal" });
  await expect(menu.getByRole("link", { name: "Organisations" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Utilisateurs" })).toHaveCount(0);
  await expect(menu.getByRole("link", { name: "Journal d'audit" })).toHaveCount(0);

  await page.goto("/users");
  await expect(page.getByText("Vous n'avez pas le droit d'effectuer cette action.")).toBeVisible();
});
