import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { ADMIN, backToFrench, login, screenshotPath, toArabic } from "./helpers.ts";

/**
 * An establishment manager admits a resident (request, acceptance, admission), fills today's
 * attendance register in one save, sees the occupancy; then the same screen in Arabic, right to left.
 * The manager holds only their establishment-scoped role: they find the person through the
 * admission-candidate search (name + birth date in the establishment's province), or register one.
 */
// Whole flows on a shared 2-core machine: more than the default 30 s each.
test.describe.configure({ timeout: 90_000 });
const unique = Date.now().toString(36).slice(-5);

/** Waits for the toasts to close (4 s) so they do not hide the page header in a screenshot. */
async function closeToasts(page: Page) {
  await expect(page.locator(".mantine-Notification-root")).toHaveCount(0, { timeout: 15_000 });
}
const MANAGER = { email: `manager.${unique}@jisr.local`, password: "e2e-manager-password-1" };
const LAST = `Bennani${unique}`;
let establishmentId = "";

async function api(request: APIRequestContext) {
  const res = await request.post("/api/v1/auth/login", {
    data: { email: ADMIN.email, password: ADMIN.password },
  });
  expect(res.ok()).toBeTruthy();
  const { csrfToken } = await res.json();
  return async (url: string, data: unknown) => {
    const r = await request.post(url, { data, headers: { "x-csrf-token": csrfToken } });
    expect(r.status(), await r.text()).toBe(201);
    return r.json();
  };
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const post = await api(request);
  const est = await post("/api/v1/establishments", {
    code: `E2E-RES-${unique}`,
    nameFr: `Maison de l'enfance e2e ${unique}`,
    nameAr: "دار الطفولة",
    category: "children_in_difficulty",
    provinceCode: "MA-CAS",
    capacityMale: 2,
    capacityFemale: 1,
  });
  establishmentId = est.id;
  await post("/api/v1/persons", {
    firstNameLatin: "Amine",
    lastNameLatin: LAST,
    firstNameAr: "أمين",
    lastNameAr: "بناني",
    sex: "male",
    birthDate: "2012-03-04",
    provinceCode: "MA-CAS",
  });
  await post("/api/v1/users", {
    email: MANAGER.email,
    fullName: "Directrice e2e",
    password: MANAGER.password,
    roles: [{ role: "establishment_manager", scopeType: "establishment", scopeRef: establishmentId }],
  });
  await request.dispose();
});

async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).first().click();
}

test("manager: admit a resident, fill today's attendance, see the occupancy, in French then Arabic", async ({
  page,
}) => {
  await login(page, MANAGER.email, MANAGER.password);
  await page.goto(`/establishments/${establishmentId}`);
  await expect(
    page.getByRole("heading", { level: 1, name: `Maison de l'enfance e2e ${unique}` }),
  ).toBeVisible();
  await page.getByRole("tab", { name: "Résidents" }).click();

  // Admission request for a registry person, found by name and birth date.
  await page.getByRole("textbox", { name: "Nom et prénom" }).fill(`amine ${LAST}`);
  await page.getByLabel("Date de naissance").fill("2012-03-04");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await page.getByRole("radio", { name: new RegExp(`Amine ${LAST}`) }).check();
  await pick(page, "Orientée par", "Services sociaux");
  await page.getByRole("textbox", { name: "Motif" }).fill("Rupture familiale");
  await page.getByRole("button", { name: "Nouvelle demande d'admission" }).click();

  const requests = page.getByRole("table", { name: "Demandes en cours" });
  await expect(requests.getByText(`Amine ${LAST}`)).toBeVisible();
  await requests.getByRole("button", { name: "Accepter" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Accepter" }).click();
  await requests.getByRole("button", { name: "Admettre" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Place / chambre" }).fill("Ch. 12");
  await dialog.getByRole("button", { name: "Admettre" }).click();
  await expect(
    page.getByRole("table", { name: "Résidents actuels" }).getByText(`Amine ${LAST}`),
  ).toBeVisible();

  // Today's register: one tap, one save.
  const line = page.getByTestId("attendance-line").filter({ hasText: `Amine ${LAST}` });
  await line.getByText("Présent", { exact: true }).click();
  await page.getByRole("button", { name: "Enregistrer le registre" }).click();
  await expect(page.getByText("Registre enregistré")).toBeVisible();
  await expect(page.getByText(/1 \/ 3 places/)).toBeVisible();
  await closeToasts(page);
  await page.screenshot({ path: screenshotPath("residents-attendance"), fullPage: true });

  // The same screen in Arabic, right to left.
  await toArabic(page);
  await expect(page.getByRole("tab", { selected: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "الحضور اليومي" })).toBeVisible();
  const arabicLine = page.getByTestId("attendance-line").filter({ hasText: "أمين بناني" });
  await arabicLine.getByText("غائب", { exact: true }).click();
  await page.getByRole("button", { name: "حفظ السجل" }).click();
  await expect(page.getByText("تم حفظ السجل")).toBeVisible();
  await expect(page.getByRole("heading", { name: "نسبة الإشغال" })).toBeVisible();
  await closeToasts(page);
  await page.screenshot({ path: screenshotPath("residents-attendance-ar"), fullPage: true });
  await backToFrench(page);
});

test("manager: start the establishment project, score the diagnostic, add an action, see the progress", async ({
  page,
}) => {
  await login(page, MANAGER.email, MANAGER.password);
  await page.goto(`/establishments/${establishmentId}`);
  await page.getByRole("tab", { name: "Projet d'établissement" }).click();
  await expect(page.getByText("Cet établissement n'a pas encore de projet.")).toBeVisible();
  await page.getByRole("button", { name: "Démarrer le projet" }).click();
  await expect(page.getByText("Avancement: 0 % des actions réalisées")).toBeVisible();

  await page.getByRole("textbox", { name: "Score (0–5)" }).first().fill("2");
  await page.getByRole("button", { name: "Enregistrer" }).first().click();
  await page.getByRole("button", { name: "Phase suivante" }).click();
  await expect(page.getByText("Plan d'action").first()).toBeVisible();

  await pick(page, "Domaine", "Gouvernance");
  await page.getByRole("textbox", { name: "Action" }).fill("Tenir l'assemblée générale annuelle");
  await page.getByRole("button", { name: "Ajouter une action" }).click();
  const items = page.getByRole("table", { name: "Plan d'action" });
  await expect(items.getByText("Tenir l'assemblée générale annuelle")).toBeVisible();
  await items.getByRole("combobox", { name: "Statut" }).click();
  await page.getByRole("option", { name: "Réalisée" }).click();
  await expect(page.getByText("Avancement: 100 % des actions réalisées")).toBeVisible();
  await page.screenshot({ path: screenshotPath("establishment-project"), fullPage: true });
});

test("manager: register a new person with the admission request", async ({ page }) => {
  await login(page, MANAGER.email, MANAGER.password);
  await page.goto(`/establishments/${establishmentId}`);
  await page.getByRole("tab", { name: "Résidents" }).click();
  await page.getByText("Nouvelle personne", { exact: true }).click();
  await page.getByRole("textbox", { name: "Prénom", exact: true }).fill("Salma");
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill(`Idrissi${unique}`);
  await pick(page, "Sexe", "Femme");
  await page.getByLabel("Date de naissance").fill("2013-06-07");
  await pick(page, "Orientée par", "Tribunal");
  await page.getByRole("textbox", { name: "Motif" }).fill("Placement judiciaire");
  await page.getByRole("button", { name: "Nouvelle demande d'admission" }).click();
  await expect(
    page.getByRole("table", { name: "Demandes en cours" }).getByText(`Salma Idrissi${unique}`),
  ).toBeVisible();
});

test("the requests list shows 50 stays, then loads the next page", async ({ page, playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const post = await api(request);
  const est = await post("/api/v1/establishments", {
    code: `E2E-PAG-${unique}`,
    nameFr: `Foyer pages ${unique}`,
    category: "homeless",
    provinceCode: "MA-RAB",
  });
  for (let i = 0; i < 51; i++) {
    const person = await post("/api/v1/persons", {
      firstNameLatin: `P${String(i).padStart(2, "0")}`,
      lastNameLatin: `Page${unique}`,
      sex: i % 2 ? "male" : "female",
      birthDate: "1970-01-01",
      provinceCode: "MA-RAB",
    });
    await post(`/api/v1/establishments/${est.id}/admissions`, {
      personId: person.id,
      referralSource: "self",
      reason: "Sans abri",
    });
  }
  await request.dispose();

  await login(page, ADMIN.email, ADMIN.password);
  await page.goto(`/establishments/${est.id}`);
  await page.getByRole("tab", { name: "Résidents" }).click();
  const requests = page.getByRole("table", { name: "Demandes en cours" });
  await expect(requests.locator("tbody tr")).toHaveCount(50);
  await page.getByRole("button", { name: "Afficher plus" }).click();
  await expect(requests.locator("tbody tr")).toHaveCount(51);
  await expect(page.getByText("51 éléments affichés")).toBeVisible();
  await expect(page.getByRole("button", { name: "Afficher plus" })).toHaveCount(0);
});
