import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, login } from "./helpers.ts";

/**
 * Programmes end to end: a national officer's programme (created through the API here), then
 * a social worker of Casablanca finds a person by her Arabic name, files an application, sees
 * the eligibility explanation and moves it to enrolment; a citizen applies on the public page,
 * receives a tracking code and sees the status with it and her birth date.
 */

const unique = Date.now().toString(36).slice(-6).toUpperCase();
const PROGRAM = {
  code: `E2E-${unique}`,
  nameFr: `Programme d'insertion E2E ${unique}`,
  nameAr: `برنامج الإدماج ${unique}`,
  objectiveFr: "Accompagner les jeunes vers l'emploi.",
  benefitType: "accompaniment",
  eligibility: { combinator: "all", conditions: [{ field: "age", operator: "between", value: [18, 60] }] },
  stages: [
    { code: "candidature", nameFr: "Candidature", nameAr: "الترشيح", kind: "intake" },
    { code: "selection", nameFr: "Sélection", nameAr: "الانتقاء", kind: "decision" },
    { code: "formation", nameFr: "Formation", nameAr: "التكوين", kind: "enrolled" },
    { code: "suivi", nameFr: "Suivi", nameAr: "التتبع", kind: "follow_up" },
  ],
};
const LAST = `Ouardi${unique.toLowerCase()}`;

async function api(request: APIRequestContext, email: string) {
  const res = await request.post("/api/v1/auth/login", { data: { email, password: DEMO_PASSWORD } });
  expect(res.ok()).toBeTruthy();
  const { csrfToken } = await res.json();
  return (url: string, data: unknown) => request.post(url, { data, headers: { "x-csrf-token": csrfToken } });
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const post = await api(request, "national@jisr.local");
  const created = await post("/api/v1/programs", PROGRAM);
  expect(created.status(), await created.text()).toBe(201);
  const program = await created.json();
  const opened = await post(`/api/v1/programs/${program.id}/status`, {
    version: program.version,
    status: "active",
  });
  expect(opened.status()).toBe(200);
  const person = await post("/api/v1/persons", {
    firstNameLatin: "Zhour",
    lastNameLatin: LAST,
    firstNameAr: "زهور",
    lastNameAr: "الوردي",
    sex: "female",
    birthDate: "1996-02-14",
    provinceCode: "MA-CAS",
  });
  expect(person.status(), await person.text()).toBe(201);
  await request.dispose();
});

async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).first().click();
}

test("social worker: finds a person by her Arabic name, files an application, moves it to enrolment", async ({
  page,
}) => {
  await login(page, "social.worker@jisr.local", DEMO_PASSWORD);
  const menu = page.getByRole("navigation", { name: "Menu principal" });
  await menu.getByRole("link", { name: "Candidatures" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Candidatures" })).toBeVisible();
  await page.getByRole("link", { name: "Déposer une candidature" }).click();

  const person = page.getByRole("combobox", { name: "Personne" });
  await person.click();
  await person.fill("زهور الوردي");
  await page.getByRole("option", { name: new RegExp(LAST) }).click();
  await pick(page, "Programme", PROGRAM.nameFr);
  await expect(page.getByTestId("eligibility")).toContainText("Éligible");
  await expect(page.getByTestId("eligibility")).toContainText("Âge entre 18 et 60");
  await page.screenshot({ path: "e2e/screenshots/application-new.png", fullPage: true });
  await page.getByRole("button", { name: "Déposer la candidature" }).click();

  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: `Zhour ${LAST}` })).toBeVisible();
  await page.getByRole("button", { name: "Passer à « Sélection »" }).click();
  await page.getByRole("dialog").getByLabel("Motif ou commentaire (facultatif)").fill("Dossier complet");
  await page.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
  await page.getByRole("button", { name: "Passer à « Formation »" }).click();
  await expect(page.getByRole("dialog").getByLabel("Date de début de l'inscription")).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByText("Inscrit", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("« Dossier complet »")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/application-enrolled.png", fullPage: true });
});

test("citizen: applies on the public page without signing in and sees the status with the tracking code", async ({
  page,
}) => {
  await page.goto("/public/programs");
  await expect(
    page.getByRole("heading", { level: 1, name: "Programmes ouverts aux candidatures" }),
  ).toBeVisible();
  const card = page.getByTestId("public-program").filter({ hasText: PROGRAM.nameFr });
  await expect(card).toContainText("Âge entre 18 et 60");
  await card.getByRole("link", { name: "Vérifier et postuler" }).click();

  await page.getByLabel("Date de naissance").first().fill("1999-09-09");
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByTestId("eligibility")).toContainText("Éligible");

  const form = page.locator("form").filter({ hasText: "Postuler en ligne" });
  await form.getByLabel("Prénom (lettres latines)").fill("Amina");
  await form.getByRole("textbox", { name: "Nom (lettres latines)", exact: true }).fill(`Citoyenne${unique}`);
  await form.getByLabel("Numéro de la carte nationale (CIN)").fill(`BJ${Date.now().toString().slice(-6)}`);
  await form.getByRole("combobox", { name: "Sexe" }).click();
  await page.getByRole("option", { name: "Femme" }).click();
  await form.getByLabel("Date de naissance").fill("1999-09-09");
  await form.getByLabel("Téléphone").fill("+212 612 345 678");
  await form.getByRole("combobox", { name: "Province ou préfecture de résidence" }).fill("Casablanca");
  await page
    .getByRole("option", { name: /^Casablanca/ })
    .first()
    .click();
  await form.getByLabel(/J'accepte/).check();
  await form.getByRole("button", { name: "Envoyer ma candidature" }).click();

  const code = (await page.getByTestId("tracking-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z2-9]{10}$/);
  await page.screenshot({ path: "e2e/screenshots/public-applied.png", fullPage: true });
  await page.getByTestId("tracking").getByRole("link", { name: "Suivre ma candidature" }).click();
  await expect(page.getByLabel("Code de suivi")).toHaveValue(code);
  await page.getByLabel("Date de naissance").fill("1999-09-08");
  await page.getByRole("button", { name: "Voir l'état" }).click();
  await expect(page.getByText("Aucune candidature ne correspond")).toBeVisible();
  await page.getByLabel("Date de naissance").fill("1999-09-09");
  await page.getByRole("button", { name: "Voir l'état" }).click();
  await expect(page.getByTestId("public-status")).toContainText(PROGRAM.nameFr);
  await expect(page.getByTestId("public-status")).toContainText("Candidature");

  // In Arabic, right to left.
  await page.getByText("العربية").click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.screenshot({ path: "e2e/screenshots/public-status-ar.png", fullPage: true });
});
