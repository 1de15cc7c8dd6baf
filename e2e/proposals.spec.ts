import { expect, type Page, test } from "@playwright/test";
import { backToFrench, DEMO_PASSWORD, login, screenshotPath, toArabic } from "./helpers.ts";

/**
 * Participatory approach: the Dar Taliba association of Casablanca submits a proposal; the
 * regional officer of Casablanca-Settat studies it, retains it and turns it into a project;
 * the page is then read in Arabic, right to left.
 */
test("an association submits a proposal, the regional officer retains it and turns it into a project", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const title = `Salle d'étude numérique ${Date.now().toString(36)}`;

  await login(page, "manager@jisr.local", DEMO_PASSWORD);
  await page.getByRole("link", { name: "Propositions" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Propositions des parties prenantes" }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Soumettre une proposition" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouvelle proposition" })).toBeVisible();

  // An empty proposal is refused, naming its fields.
  await page.getByRole("button", { name: "Soumettre une proposition" }).click();
  await expect(page.getByText("Ce champ est obligatoire.").first()).toBeVisible();

  await page.getByRole("textbox", { name: "Titre" }).fill(title);
  await page.getByRole("combobox", { name: "Thématique" }).click();
  await page.getByRole("option", { name: /Appui à la scolarisation/ }).click();
  // The region comes from the association's own organisation.
  await expect(page.getByRole("combobox", { name: "Région" })).toHaveValue("Casablanca-Settat");
  await page
    .getByRole("textbox", { name: "Description" })
    .fill("Équiper une salle de 20 postes pour le soutien du soir.");
  await page.getByRole("textbox", { name: "Coût estimé (MAD)" }).fill("185000");
  await page.getByRole("textbox", { name: "Population cible" }).fill("Lycéennes du milieu rural");
  await page.getByRole("button", { name: "Soumettre une proposition" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Reçue", { exact: true })).toBeVisible();
  const url = page.url();

  // A partner of the same region supports it (once: the button then offers to withdraw).
  await page.context().clearCookies();
  await login(page, "partner@jisr.local", DEMO_PASSWORD);
  await page.goto(url);
  await page.getByRole("button", { name: "Soutenir au nom de Groupe OCP" }).click();
  await expect(page.getByText("Soutiens : 1")).toBeVisible();
  await expect(page.getByRole("button", { name: "Retirer le soutien de Groupe OCP" })).toBeVisible();

  // The regional officer reviews it.
  await page.context().clearCookies();
  await login(page, "casablanca@jisr.local", DEMO_PASSWORD);
  await page.goto("/proposals?status=received");
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toBeVisible();
  await page.screenshot({ path: screenshotPath("proposals-fr"), fullPage: true });
  await row.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(url);

  await transition(page, "Mettre à l'étude");
  await expect(page.getByText("À l'étude", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Retenir", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByRole("dialog").getByText("Indiquez une note de décision.")).toBeVisible();
  await page
    .getByRole("dialog")
    .getByRole("textbox")
    .fill("Priorité régionale : cofinancement par la convention.");
  await page.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByText("Retenue", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Transformer en projet" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Début").fill("2027-01-01");
  await dialog.getByLabel("Fin").fill("2027-12-31");
  await dialog.getByRole("button", { name: "Transformer en projet" }).click();
  await expect(page.getByRole("link", { name: "Ouvrir le projet" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Transformer en projet" })).toHaveCount(0);

  await page.getByRole("textbox", { name: "Votre commentaire" }).fill("Merci, le projet est lancé.");
  await page.getByRole("button", { name: "Publier" }).click();
  // In the comments (the form empties once published; until then the text is in both).
  await expect(
    page.getByRole("list", { name: "Commentaires" }).getByText("Merci, le projet est lancé."),
  ).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Votre commentaire" })).toHaveValue("");

  // A supporting document, downloadable from the page.
  await page.locator('input[type="file"]').setInputFiles({
    name: "devis-salle-etude.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
  });
  await expect(page.getByRole("link", { name: "devis-salle-etude.pdf" })).toBeVisible();
  await quiet(page);
  await page.screenshot({ path: screenshotPath("proposal-fr"), fullPage: true });

  // In Arabic, right to left.
  await toArabic(page);
  await expect(page.getByRole("heading", { name: "المشروع", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "فتح المشروع" })).toBeVisible();
  await expect(page.getByText("مقبول", { exact: true })).toBeVisible();
  await quiet(page);
  await page.screenshot({ path: screenshotPath("proposal-ar"), fullPage: true });
  await page.goto("/proposals");
  await expect(page.getByRole("heading", { level: 1, name: "مقترحات الأطراف المعنية" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: title })).toBeVisible();
  await page.screenshot({ path: screenshotPath("proposals-ar"), fullPage: true });
  // Back to French: the choice is saved as the officer's preference.
  await backToFrench(page);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");

  // The project keeps the link back to the proposal it came from.
  await page.goto(url);
  await page.getByRole("link", { name: "Ouvrir le projet" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]+$/);
  await expect(page.getByText("Issu de la proposition")).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(url);
});

/** Waits for the notifications to go, so screenshots show the page. */
async function quiet(page: Page) {
  await expect(page.locator(".mantine-Notification-root")).toHaveCount(0, { timeout: 10_000 });
}

async function transition(page: Page, button: string) {
  await page.getByRole("button", { name: button }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
}
