import { expect, test } from "@playwright/test";
import { backToFrench, DEMO_PASSWORD, login, screenshotPath, toArabic } from "./helpers.ts";

/**
 * A national officer creates a convention with two parties and an axis, uploads its signed
 * document, and reads it in Arabic, right to left; the demo conventions show in the list.
 */

/** Picks an organisation in the searchable organisation select labelled `label` (the n-th one). */
async function pickOrganization(page: import("@playwright/test").Page, n: number, search: string) {
  const input = page.getByRole("combobox", { name: "Organisation" }).nth(n);
  await input.click();
  await input.fill(search);
  await page.getByRole("option").filter({ hasText: search }).first().click();
}

test("create a convention with two parties and an axis, upload a document, read it in Arabic", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await login(page, "national@jisr.local", DEMO_PASSWORD);

  await page.getByRole("link", { name: "Conventions", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Conventions de partenariat" })).toBeVisible();
  await expect(page.getByRole("table").locator("tbody tr").first()).toBeVisible();
  await page.screenshot({ path: screenshotPath("conventions-fr"), fullPage: true });

  await page.getByRole("link", { name: "Nouvelle convention" }).click();
  const reference = `CONV-E2E-${Date.now().toString(36).toUpperCase()}`;
  await page.getByRole("textbox", { name: "Référence" }).fill(reference);
  await page
    .getByRole("textbox", { name: "Intitulé (français)" })
    .fill(`Convention d'inclusion des jeunes ${reference}`);
  await page.getByRole("textbox", { name: "Intitulé (arabe)" }).fill("اتفاقية إدماج الشباب");
  await page.getByRole("combobox", { name: "Statut" }).click();
  await page.getByRole("option", { name: "Signée" }).click();
  await page.getByLabel("Date de signature").fill("2024-03-05");
  await page.getByLabel("Date de début").fill("2024-04-01");
  await page.getByLabel("Date de fin").fill("2027-03-31");

  await page.getByRole("button", { name: "Ajouter une partie" }).click();
  await pickOrganization(page, 0, "OCP");
  await page.getByRole("textbox", { name: "Montant engagé (MAD)" }).nth(0).fill("1500000");
  await page.getByRole("button", { name: "Ajouter une partie" }).click();
  await pickOrganization(page, 1, "Caisse de Dépôt");
  await page.getByRole("textbox", { name: "Montant engagé (MAD)" }).nth(1).fill("900000");

  await page.getByRole("button", { name: "Ajouter un axe" }).click();
  await page.getByRole("textbox", { name: /Axe 1 — Intitulé de l'axe/ }).fill("Accompagnement des jeunes");
  await page.getByRole("textbox", { name: "Cible", exact: true }).fill("Jeunes accompagnés");
  await page.getByRole("textbox", { name: "Valeur cible" }).fill("3000");
  await page.getByRole("button", { name: "Créer la convention" }).click();

  // The detail page brings the chart library in its own chunk: slower the first time.
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(reference) })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText("Parties et engagements")).toBeVisible();
  await expect(
    page.getByRole("cell", { name: "1 500 000 MAD" }).or(page.getByRole("cell", { name: /1.500.000 MAD/ })),
  ).toBeVisible();
  await expect(page.getByText(/Jeunes accompagnés/)).toBeVisible();

  // The signed document, with an Arabic file name.
  await page.locator('input[type="file"]').setInputFiles({
    name: "اتفاقية موقعة.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% e2e\n%%EOF\n"),
  });
  await expect(page.getByRole("link", { name: "اتفاقية موقعة.pdf" })).toBeVisible();
  await page.screenshot({ path: screenshotPath("convention-fr"), fullPage: true });

  // A file of another type is refused with its message.
  await page.locator('input[type="file"]').setInputFiles({
    name: "outil.exe",
    mimeType: "application/x-msdownload",
    buffer: Buffer.from("MZ"),
  });
  await expect(page.getByText(/Ce type de fichier n'est pas accepté/)).toBeVisible();

  // In Arabic, right to left.
  await toArabic(page);
  await expect(page.getByRole("heading", { level: 1, name: "اتفاقية إدماج الشباب" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "الأطراف والالتزامات" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "المحاور والأهداف" })).toBeVisible();
  await expect(page.getByRole("link", { name: "اتفاقية موقعة.pdf" })).toBeVisible();
  await page.screenshot({ path: screenshotPath("convention-ar"), fullPage: true });

  await page.goto("/conventions");
  await expect(page.getByRole("heading", { level: 1, name: "اتفاقيات الشراكة" })).toBeVisible();
  await expect(page.getByRole("table").locator("tbody tr").first()).toBeVisible();
  await page.screenshot({ path: screenshotPath("conventions-ar"), fullPage: true });
  await backToFrench(page);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});
