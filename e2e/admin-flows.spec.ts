import { expect, type Page, test } from "@playwright/test";
import { ADMIN, backToFrench, login } from "./helpers.ts";

/** The admin's saved language applies at sign-in; these checks read French. */
async function loginInFrench(page: Page) {
  await login(page, ADMIN.email, ADMIN.password);
  await page.getByText("FR", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
}

test("someone else saved first: the form explains it and reloads the record", async ({ page }) => {
  await loginInFrench(page);
  await page.getByRole("table", { name: "Organisations" }).locator("tbody tr a").nth(3).click();
  const id = new URL(page.url()).pathname.split("/").pop();
  await page.getByRole("main").getByRole("link", { name: "Modifier" }).click();
  const acronym = page.getByRole("textbox", { name: "Sigle" });
  await expect(acronym).toBeVisible();

  // Another write lands meanwhile, through the API with the same session.
  const status = await page.evaluate(async (organizationId) => {
    const me = await (await fetch("/api/v1/auth/me")).json();
    const current = await (await fetch(`/api/v1/organizations/${organizationId}`)).json();
    const response = await fetch(`/api/v1/organizations/${organizationId}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrfToken },
      body: JSON.stringify({ version: current.version, acronym: "AUTRE" }),
    });
    return response.status;
  }, id);
  expect(status).toBe(200);

  await acronym.fill("MOI");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("alert")).toContainText("modifié par quelqu'un d'autre");
  await page.getByRole("button", { name: "Recharger" }).click();
  await expect(acronym).toHaveValue("AUTRE");
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a new user with a role gets a temporary password shown once", async ({ page }) => {
  await loginInFrench(page);
  await page
    .getByRole("navigation", { name: "Menu principal" })
    .getByRole("link", { name: "Utilisateurs" })
    .click();
  await page.getByRole("link", { name: "Nouvel utilisateur" }).click();
  await page.getByRole("textbox", { name: "Nom complet" }).fill("Salma Test");
  await page.getByRole("textbox", { name: "Adresse e-mail" }).fill(`salma.${Date.now()}@jisr.local`);
  await page.getByRole("button", { name: "Ajouter un rôle" }).click();
  await page.getByRole("button", { name: "Créer" }).click();
  await expect(page.getByText("Ce champ est obligatoire.")).toHaveCount(2);

  await page.getByRole("combobox", { name: "Rôle" }).click();
  await page.getByRole("option", { name: "Responsable régional" }).click();
  await page.getByRole("combobox", { name: "Périmètre" }).click();
  await page.getByRole("option", { name: "Région", exact: true }).click();
  await page.getByRole("combobox", { name: "Région" }).click();
  await page.getByRole("option", { name: "Souss-Massa" }).click();
  await page.getByRole("button", { name: "Créer" }).click();

  await expect(page.getByText("Il ne sera plus affiché.")).toBeVisible();
  await expect(page.getByTestId("secret")).not.toBeEmpty();
  await page.getByRole("link", { name: "Ouvrir la fiche" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Salma Test" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Région" })).toHaveValue("Souss-Massa");
});

test("an API token's secret is shown once, then the token can be revoked", async ({ page }) => {
  await loginInFrench(page);
  await page.getByRole("link", { name: "Mes jetons d'API" }).click();
  await page.getByRole("textbox", { name: "Nom" }).fill("Export statistiques");
  await page.getByRole("button", { name: "Créer le jeton" }).click();
  await expect(page.getByTestId("secret")).not.toBeEmpty();
  await expect(page.getByRole("cell", { name: "Export statistiques" })).toBeVisible();

  await page.getByRole("button", { name: "Révoquer" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Révoquer" }).click();
  await expect(page.getByText("Vous n'avez aucun jeton d'API.")).toBeVisible();
});

test("when the session ends, sign in again and land where you were going", async ({ page }) => {
  await loginInFrench(page);
  await page.getByRole("link", { name: "Territoires" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Territoires" })).toBeVisible();
  await page.context().clearCookies();

  await page.getByRole("link", { name: "Utilisateurs" }).click();
  await expect(page).toHaveURL(/\/login\?redirect=%2Fusers/);
  await page.getByLabel("Adresse e-mail").fill(ADMIN.email);
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill(ADMIN.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole("heading", { level: 1, name: "Utilisateurs" })).toBeVisible();
});

test("a language chosen just before reloading the page is still saved as the user's preference", async ({
  page,
}) => {
  await loginInFrench(page);
  const savedLocale = async () => (await (await page.request.get("/api/v1/auth/me")).json()).user.locale;
  expect(await savedLocale()).toBe("fr");

  // A slow connection: the Arabic texts take a second to arrive, and the page is reloaded before.
  await page.route(/\/assets\/ar-[\w-]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  await page.getByText("العربية", { exact: true }).click();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect.poll(savedLocale).toBe("ar");

  await page.unroute(/\/assets\/ar-[\w-]+\.js$/);
  await backToFrench(page);
  expect(await savedLocale()).toBe("fr");
});
