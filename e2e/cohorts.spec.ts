import { expect, type Page, test } from "@playwright/test";
import { ADMIN, backToFrench, login, screenshotPath, toArabic } from "./helpers.ts";

/**
 * A national officer creates a pilot cohort, adds two establishments by searching for them,
 * sees target vs actual, edits the target and removes a member; the page in Arabic too.
 */
test.describe.configure({ timeout: 90_000 });
const unique = Date.now().toString(36).slice(-5);

/** Waits for the toasts to close (4 s) so they do not hide the page header in a screenshot. */
async function closeToasts(page: Page) {
  await expect(page.locator(".mantine-Notification-root")).toHaveCount(0, { timeout: 15_000 });
}
const CODE = `PILOTE-${unique}`.toUpperCase();

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const login = await request.post("/api/v1/auth/login", {
    data: { email: ADMIN.email, password: ADMIN.password },
  });
  const { csrfToken } = await login.json();
  for (const [n, province] of [
    ["Un", "MA-RAB"],
    ["Deux", "MA-CAS"],
  ] as const) {
    const r = await request.post("/api/v1/establishments", {
      headers: { "x-csrf-token": csrfToken },
      data: {
        code: `E2E-COH-${n}-${unique}`,
        nameFr: `Dar Taliba ${n} ${unique}`,
        nameAr: `دار الطالبة ${n === "Un" ? "واحد" : "اثنان"}`,
        category: "student_house_girls",
        provinceCode: province,
        connectivity: n === "Un" ? "fibre" : "none",
        hotWater: "solar",
      },
    });
    expect(r.status(), await r.text()).toBe(201);
  }
  await request.dispose();
});

test("create a cohort, add two establishments, see target vs actual, edit and remove", async ({ page }) => {
  await login(page, ADMIN.email, ADMIN.password);
  await page.goto("/cohorts");
  await page.getByRole("button", { name: "Nouvelle cohorte" }).click();
  const dialog = page.getByRole("dialog", { name: "Nouvelle cohorte" });
  await dialog.getByRole("textbox", { name: "Code" }).fill(CODE);
  await dialog.getByRole("textbox", { name: "Nom en français" }).fill(`Maisons de l'étudiante ${unique}`);
  await dialog.getByRole("textbox", { name: "Nom en arabe" }).fill("دور الطالبة النموذجية");
  await dialog.getByRole("textbox", { name: "Objectif" }).fill("Projet de développement institutionnel");
  await dialog.getByRole("textbox", { name: "Nombre cible d'établissements" }).fill("3");
  await dialog.getByRole("button", { name: "Enregistrer" }).click();

  await expect(
    page.getByRole("heading", { level: 1, name: `Maisons de l'étudiante ${unique}` }),
  ).toBeVisible();
  await expect(page.getByText("Réalisé 0 / Cible 3")).toBeVisible();

  // Search and pick two establishments, add them in one go.
  const picker = page.getByRole("combobox", { name: "Ajouter des établissements" });
  for (const n of ["Un", "Deux"]) {
    await picker.fill(`Taliba ${n} ${unique}`);
    await page.getByRole("option", { name: new RegExp(`Dar Taliba ${n} ${unique}`) }).click();
  }
  await page.getByRole("button", { name: "Ajouter", exact: true }).click();
  const members = page.getByRole("table", { name: "Établissements membres" });
  await expect(members.locator("tbody tr")).toHaveCount(2);
  await expect(page.getByText("Réalisé 2 / Cible 3")).toBeVisible();
  await expect(page.getByText("50 %").first()).toBeVisible(); // one of two connected
  await closeToasts(page);
  await page.screenshot({ path: screenshotPath("cohort"), fullPage: true });

  // The list shows the same target vs actual.
  await page.goto("/cohorts");
  await expect(page.getByText("2 / 3 établissements", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: `Maisons de l'étudiante ${unique}` }).click();

  // Edit the target (version checked on the server), then remove a member.
  await page.getByRole("button", { name: "Modifier" }).click();
  const edit = page.getByRole("dialog", { name: "Modifier la cohorte" });
  await edit.getByRole("textbox", { name: "Nombre cible d'établissements" }).fill("2");
  await edit.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Réalisé 2 / Cible 2")).toBeVisible();
  await members.getByRole("button", { name: `Retirer Dar Taliba Deux ${unique} de la cohorte` }).click();
  await expect(members.locator("tbody tr")).toHaveCount(1);
  await expect(page.getByText("Réalisé 1 / Cible 2")).toBeVisible();

  // The same page in Arabic, right to left.
  await toArabic(page);
  await expect(page.getByRole("heading", { level: 1, name: "دور الطالبة النموذجية" })).toBeVisible();
  await closeToasts(page);
  await page.screenshot({ path: screenshotPath("cohort-ar"), fullPage: true });
  await backToFrench(page);
});
