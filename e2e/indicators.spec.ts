import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  ADMIN,
  backToFrench,
  DEMO_PASSWORD,
  frenchAgain,
  login,
  screenshotPath,
  toArabic,
} from "./helpers.ts";

/**
 * An administrator defines an indicator in the web app: a bad code is refused on its field and
 * creates nothing; the new indicator's page opens; its French name is corrected; a change made
 * meanwhile by someone else is not overwritten (409); the form reads right to left in Arabic.
 */

test.afterEach(({ page }) => frenchAgain(page));

const unique = Date.now().toString(36).toUpperCase();
const CODE = `E2E-IND-${unique}`;
const NAME_FR = `Jeunes accompagnés vers l'emploi ${unique}`;
const NAME_AR = `الشباب المرافَقون نحو الشغل ${unique}`;

async function pick(page: Page, dialog: Locator, label: string, option: string) {
  await dialog.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** Every indicator definition the API lists (there are tens: one page). */
async function definitions(page: Page): Promise<{ code: string; nameFr: string }[]> {
  return (await (await page.request.get("/api/v1/indicators?limit=200")).json()).items;
}

test("define an indicator, be refused a bad code, correct its name, and meet someone else's change", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, ADMIN.email, ADMIN.password);
  await page.getByRole("link", { name: "Indicateurs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Indicateurs" })).toBeVisible();
  await page.getByRole("button", { name: "Nouvel indicateur" }).click();
  const dialog = page.getByRole("dialog", { name: "Nouvel indicateur" });

  await dialog.getByRole("textbox", { name: "Code" }).fill("bad code");
  await dialog.getByRole("textbox", { name: "Nom (français)" }).fill(NAME_FR);
  await dialog.getByRole("textbox", { name: "Nom (arabe)" }).fill(NAME_AR);
  await expect(dialog.getByRole("textbox", { name: "Nom (arabe)" })).toHaveCSS("direction", "rtl");
  await pick(page, dialog, "Unité", "Jours");
  await pick(page, dialog, "Agrégation", "Moyenne");
  // The multi-select's own box takes the click, not its hidden input.
  await dialog.getByRole("combobox", { name: "Ventilations" }).click({ force: true });
  await page.getByRole("option", { name: "Région", exact: true }).click();
  // Typing elsewhere closes the disaggregations' list.
  await dialog.getByRole("textbox", { name: "Description" }).fill("Délai moyen d'accès à un emploi.");

  // A computation shows the parameters it reads, and only those.
  await dialog.getByRole("radio", { name: "Calculé" }).check();
  await pick(page, dialog, "Calcul", "Bénéficiaires d'un programme (par étape)");
  await expect(dialog.getByRole("textbox", { name: "Code du programme" })).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "Code de l'étape" })).toBeVisible();
  await expect(dialog.getByRole("combobox", { name: "Catégorie d'établissement" })).toHaveCount(0);
  await pick(page, dialog, "Calcul", "Taux d'occupation des établissements");
  await expect(dialog.getByRole("combobox", { name: "Catégorie d'établissement" })).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "Code du programme" })).toHaveCount(0);
  await expect(dialog).toHaveCSS("opacity", "1");
  await page.screenshot({ path: screenshotPath("indicator-form-fr"), animations: "disabled" });
  await dialog.getByRole("radio", { name: "Saisi" }).check();
  await expect(dialog.getByRole("combobox", { name: "Calcul" })).toHaveCount(0);

  // A lowercase code with a space: refused on its field, nothing created.
  await dialog.getByRole("button", { name: "Créer l'indicateur" }).click();
  const code = dialog.getByRole("textbox", { name: "Code" });
  await expect(dialog.getByText(/^Code : majuscules, chiffres/)).toBeVisible({ timeout: 15_000 });
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/indicators$/);
  const refused = await definitions(page);
  expect(refused.filter((i) => i.nameFr === NAME_FR || /bad/i.test(i.code))).toHaveLength(0);

  // Corrected: created, and its page opens.
  await code.fill(CODE);
  await dialog.getByRole("button", { name: "Créer l'indicateur" }).click();
  await expect(page).toHaveURL(/\/indicators\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1, name: NAME_FR })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(CODE, { exact: true })).toBeVisible();
  const id = page.url().split("/").at(-1) as string;
  const created = await (await page.request.get(`/api/v1/indicators/${id}`)).json();
  expect(created).toMatchObject({
    code: CODE,
    nameAr: NAME_AR,
    unit: "days",
    aggregation: "average",
    disaggregations: ["region"],
    kind: "entered",
    computation: null,
  });

  // The French name corrected in the page.
  const edit = page.getByRole("dialog", { name: "Modifier l'indicateur" });
  await page.getByRole("button", { name: "Modifier", exact: true }).click();
  await expect(edit.getByRole("textbox", { name: "Code" })).toBeDisabled();
  await edit.getByRole("textbox", { name: "Nom (français)" }).fill(`${NAME_FR} (révisé)`);
  await edit.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(edit).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1, name: `${NAME_FR} (révisé)` })).toBeVisible();

  // Someone else changes the description meanwhile: the page's save is refused, theirs is kept.
  await page.getByRole("button", { name: "Modifier", exact: true }).click();
  const me = await (await page.request.get("/api/v1/auth/me")).json();
  const current = await (await page.request.get(`/api/v1/indicators/${id}`)).json();
  const other = await page.request.patch(`/api/v1/indicators/${id}`, {
    headers: { "x-csrf-token": me.csrfToken as string },
    data: { version: current.version, description: "Changée par quelqu'un d'autre." },
  });
  expect(other.status()).toBe(200);
  await edit.getByRole("textbox", { name: "Nom (français)" }).fill(`${NAME_FR} (écrasé ?)`);
  await edit.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(edit.getByText("Modifié entre-temps")).toBeVisible({ timeout: 15_000 });
  await expect(edit.getByText(/modifié par quelqu'un d'autre depuis que vous l'avez ouvert/)).toBeVisible();
  const kept = await (await page.request.get(`/api/v1/indicators/${id}`)).json();
  expect(kept.description).toBe("Changée par quelqu'un d'autre.");
  expect(kept.nameFr).toBe(`${NAME_FR} (révisé)`);
  // Reloading shows their change in the form.
  await edit.getByRole("button", { name: "Recharger" }).click();
  await expect(edit.getByRole("textbox", { name: "Description" })).toHaveValue(
    "Changée par quelqu'un d'autre.",
  );
  await expect(edit.getByRole("textbox", { name: "Nom (français)" })).toHaveValue(`${NAME_FR} (révisé)`);
  await edit.getByRole("button", { name: "Annuler" }).click();
  await expect(edit).toBeHidden();

  // In Arabic, right to left (once the French notice has gone).
  await expect(page.getByText("Indicateur enregistré.")).toBeHidden({ timeout: 15_000 });
  await toArabic(page);
  await expect(page.getByRole("heading", { level: 1, name: NAME_AR })).toBeVisible();
  await page.getByRole("button", { name: "تعديل", exact: true }).click();
  const editAr = page.getByRole("dialog", { name: "تعديل المؤشر" });
  await expect(editAr.getByRole("textbox", { name: "الاسم (بالعربية)" })).toHaveValue(NAME_AR);
  // Mantine puts `dir` on the input's box: the field reads right to left whatever the page's language.
  await expect(editAr.getByRole("textbox", { name: "الاسم (بالعربية)" })).toHaveCSS("direction", "rtl");
  await expect(editAr.getByRole("textbox", { name: "الرمز" })).toHaveCSS("direction", "ltr");
  await expect(editAr).toHaveCSS("opacity", "1"); // the dialog's fade-in is over
  await page.screenshot({ path: screenshotPath("indicator-form-ar"), animations: "disabled" });
  await editAr.getByRole("button", { name: "إلغاء" }).click();
  await backToFrench(page);
});

/** Only national writers define indicators: a regional officer sees no such button. */
test("a regional officer cannot define indicators", async ({ page }) => {
  await login(page, "casablanca@jisr.local", DEMO_PASSWORD);
  await page.getByRole("link", { name: "Indicateurs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Indicateurs" })).toBeVisible();
  await expect(page.getByRole("table").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Nouvel indicateur" })).toHaveCount(0);
});
