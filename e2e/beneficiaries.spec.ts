import { expect, test } from "@playwright/test";
import { backToFrench, DEMO_PASSWORD, login, toArabic } from "./helpers.ts";

/**
 * A social worker of Casablanca registers a person (Latin and Arabic names), is warned of the
 * probable duplicate when registering her again with another spelling, then finds her by typing
 * her name in Arabic script, and opens her record (tabs: identity, household, consents, timeline).
 */
test("social worker: register a person, see the probable duplicate, find her by an Arabic name", async ({
  page,
}) => {
  await login(page, "social.worker@jisr.local", DEMO_PASSWORD);
  const menu = page.getByRole("navigation", { name: "Menu principal" });
  await menu.getByRole("link", { name: "Bénéficiaires" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bénéficiaires" })).toBeVisible();

  const unique = `E${Date.now().toString(36).slice(-5)}`;
  const register = async (first: string) => {
    await page.getByRole("link", { name: "Nouvelle personne" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Enregistrer une personne" })).toBeVisible();
    await page.getByRole("textbox", { name: "Prénom", exact: true }).fill(first);
    await page.getByRole("textbox", { name: "Nom", exact: true }).fill(`Benjelloun${unique}`);
    await page.getByRole("textbox", { name: "Prénom (arabe)", exact: true }).fill("فاطمة");
    await page.getByRole("textbox", { name: "Nom (arabe)", exact: true }).fill("بنجلون");
    await page.getByRole("combobox", { name: "Sexe" }).click();
    await page.getByRole("option", { name: "Femme" }).click();
    await page.getByLabel("Date de naissance").fill("1988-04-12");
    await page.getByRole("combobox", { name: "Province / préfecture" }).click();
    await page
      .getByRole("option", { name: /^Casablanca/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Vérifier les doublons puis enregistrer" }).click();
  };

  await register("Fatima");
  await expect(page).toHaveURL(/\/persons\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: `Fatima Benjelloun${unique}` })).toBeVisible();

  // The same woman again, spelt Fatimah: the probable duplicate is shown before anything is saved.
  await page.getByRole("link", { name: "Retour à la liste" }).click();
  await register("Fatimah");
  await expect(page.getByText("Doublons probables")).toBeVisible();
  await expect(page.getByRole("link", { name: `Fatima Benjelloun${unique}` })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/person-duplicates.png", fullPage: true });
  await page.getByRole("button", { name: "Annuler" }).click();

  // Found by her name in Arabic script, with tashkeel and a variant spelling.
  await page.getByRole("searchbox", { name: "Rechercher" }).fill("فاطِمه بنجلون");
  const table = page.getByRole("table", { name: "Bénéficiaires" });
  await expect(table.getByRole("link", { name: `Fatima Benjelloun${unique}` })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/persons-search-ar.png", fullPage: true });
  await table.getByRole("link", { name: `Fatima Benjelloun${unique}` }).click();
  for (const tab of ["Identité", "Ménage", "Consentements", "Parcours"])
    await expect(page.getByRole("tab", { name: tab })).toBeVisible();
  await page.getByRole("tab", { name: "Parcours" }).click();
  await expect(page.getByText("Inscription au registre")).toBeVisible();

  // A household around her, then the record in Arabic, right to left.
  await page.getByRole("tab", { name: "Ménage" }).click();
  await page.getByRole("button", { name: "Créer un ménage dont elle est le chef" }).click();
  await expect(page).toHaveURL(/\/households\/[0-9a-f-]{36}$/);
  await expect(
    page.getByRole("table", { name: "Membres" }).getByRole("cell", { name: "Chef de ménage" }),
  ).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/household.png", fullPage: true });
  await page.getByRole("link", { name: "Retour à la fiche" }).click();
  await toArabic(page);
  await expect(page.getByRole("tab", { name: "الهوية" })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/person-detail-ar.png", fullPage: true });
  await backToFrench(page);
});
