import { expect, type Page, test } from "@playwright/test";
import { today } from "../contracts/calendar.ts";
import { backToFrench, DEMO_PASSWORD, login, screenshotPath, toArabic } from "./helpers.ts";

/**
 * A national officer opens a social project, records a disbursement and sees the financial
 * progress change; a disbursement above what the funder committed is refused with its message;
 * the page then reads in Arabic, right to left.
 */

/** Creates, through the API with the page's session, a project funded 100,000 MAD by Groupe OCP. */
async function seedProject(page: Page) {
  const me = await (await page.request.get("/api/v1/auth/me")).json();
  const headers = { "x-csrf-token": me.csrfToken as string };
  const ocp = (await (await page.request.get("/api/v1/organizations?q=OCP")).json()).items[0];
  const code = `PRJ-E2E-${Date.now().toString(36).toUpperCase()}`;
  const created = await page.request.post("/api/v1/projects", {
    headers,
    data: {
      code,
      titleFr: `Équipement solaire de la Dar Taliba de Settat ${code}`,
      titleAr: "تجهيز دار الطالبة بسطات بالطاقة الشمسية",
      regionCode: "MA-06",
      provinceCode: "MA-SET",
      sector: "infrastructure",
      startDate: "2026-01-01",
      endDate: "2027-12-31",
      status: "in_progress",
    },
  });
  expect(created.status()).toBe(201);
  const project = await created.json();
  const line = await page.request.post(`/api/v1/projects/${project.id}/budget-lines`, {
    headers,
    data: {
      label: "Panneaux et chauffe-eau",
      category: "equipment",
      funderId: ocp.id,
      amountCentimes: 100_000_00,
    },
  });
  expect(line.status()).toBe(201);
  const milestone = await page.request.post(`/api/v1/projects/${project.id}/milestones`, {
    headers,
    data: { titleFr: "Étude technique", titleAr: "الدراسة التقنية", plannedDate: "2026-02-01" },
  });
  expect(milestone.status()).toBe(201);
  expect(today() > "2026-02-01").toBe(true);
  return { id: project.id as string, code };
}

test("record a disbursement, see the financial progress change, and be refused above the commitment", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, "national@jisr.local", DEMO_PASSWORD);
  const { code } = await seedProject(page);

  await page.getByRole("link", { name: "Projets sociaux" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Projets sociaux" })).toBeVisible();
  await page.screenshot({ path: screenshotPath("projects-fr"), fullPage: true });
  await page.getByRole("searchbox", { name: "Rechercher" }).fill(code);
  await expect(page.getByRole("table", { name: "Projets sociaux" }).locator("tbody tr")).toHaveCount(1);
  await page.getByRole("link", { name: new RegExp(code) }).click();
  // The detail page's chunk (with the charts) loads on first visit: slow on a busy machine.
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(code) })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId("financial-progress")).toHaveText("0 %");
  // The milestone's planned date has passed and it is not reached: shown late.
  await expect(page.getByText("1 en retard")).toBeVisible();

  const form = page.getByRole("form", { name: "Enregistrer un décaissement" });
  await form.getByRole("textbox", { name: "Montant (MAD)" }).fill("25000");
  await form.getByRole("textbox", { name: "Référence" }).fill("VIR-E2E-1");
  await form.getByRole("button", { name: "Enregistrer un décaissement" }).click();
  await expect(page.getByTestId("financial-progress")).toHaveText("25 %", { timeout: 15_000 });
  await expect(page.getByTestId("disbursements-table").getByText("VIR-E2E-1")).toBeVisible();

  // Above what the funder committed: refused, with the remaining amount, and nothing recorded.
  await form.getByRole("textbox", { name: "Montant (MAD)" }).fill("80000");
  await form.getByRole("button", { name: "Enregistrer un décaissement" }).click();
  await expect(form.getByText(/Montant trop élevé/).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("financial-progress")).toHaveText("25 %", { timeout: 15_000 });
  await expect(page.getByTestId("disbursements-table").locator("tbody tr")).toHaveCount(1);
  await page.screenshot({ path: screenshotPath("project-fr"), fullPage: true });

  // In Arabic, right to left.
  await toArabic(page);
  await expect(page.getByRole("heading", { name: "التمويل", exact: true })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 1, name: "تجهيز دار الطالبة بسطات بالطاقة الشمسية" }),
  ).toBeVisible();
  await expect(page.getByText("متأخرة").first()).toBeVisible();
  await page.screenshot({ path: screenshotPath("project-ar"), fullPage: true });
  await page.goto("/projects?region=MA-07");
  await expect(page.getByRole("heading", { level: 1, name: "المشاريع الاجتماعية" })).toBeVisible();
  await page.screenshot({ path: screenshotPath("projects-ar"), fullPage: true });
  await backToFrench(page);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});

test("correct a budget line and a tranche in the page, refused below what was paid or over someone else's change, and delete", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, "national@jisr.local", DEMO_PASSWORD);
  const { id } = await seedProject(page);
  const me = await (await page.request.get("/api/v1/auth/me")).json();
  const headers = { "x-csrf-token": me.csrfToken as string };
  const project = await (await page.request.get(`/api/v1/projects/${id}`)).json();
  const funderId = project.budgetLines[0].funderId as string;
  const tranche = await page.request.post(`/api/v1/projects/${id}/tranches`, {
    headers,
    data: { funderId, milestoneId: project.milestones[0].id, label: "Avance", amountCentimes: 40_000_00 },
  });
  expect(tranche.status()).toBe(201);
  const paid = await page.request.post(`/api/v1/projects/${id}/disbursements`, {
    headers,
    data: { funderId, paidOn: today(), amountCentimes: 30_000_00, reference: "VIR-E2E-EDIT" },
  });
  expect(paid.status()).toBe(201);

  await page.goto(`/projects/${id}`);
  const lineRow = page.getByRole("row", { name: /Panneaux et chauffe-eau/ });
  await expect(lineRow).toContainText(/100[\s.]000 MAD/, { timeout: 30_000 });

  // Raise the line: the dialog closes and the table shows the new amount.
  await lineRow.getByRole("button", { name: /^Modifier : Panneaux/ }).click();
  const dialog = page.getByRole("dialog", { name: "Modifier la ligne budgétaire" });
  const amount = dialog.getByRole("textbox", { name: "Montant (MAD)" });
  await expect(amount).toHaveValue(/100\s?000/);
  await amount.fill("120000");
  await page.screenshot({ path: screenshotPath("project-line-edit-fr"), fullPage: true });
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(lineRow).toContainText(/120[\s.]000 MAD/);

  // Below what the funder already paid (30,000): refused on the field, nothing changed.
  await lineRow.getByRole("button", { name: /^Modifier : Panneaux/ }).click();
  await amount.fill("20000");
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog.getByText(/ne peut pas descendre sous ce qu'il a déjà décaissé/)).toBeVisible({
    timeout: 15_000,
  });
  await page.keyboard.press("Escape");
  await expect(lineRow).toContainText(/120[\s.]000 MAD/);

  // Someone else changes the line meanwhile: the page's edit is refused (409), not applied over it.
  await lineRow.getByRole("button", { name: /^Modifier : Panneaux/ }).click();
  const current = (await (await page.request.get(`/api/v1/projects/${id}`)).json()).budgetLines[0];
  const other = await page.request.patch(`/api/v1/projects/${id}/budget-lines/${current.id}`, {
    headers,
    data: { label: "Panneaux et chauffe-eau (révisé)", version: current.version },
  });
  expect(other.status()).toBe(200);
  await amount.fill("110000");
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog.getByText("Modifié entre-temps")).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press("Escape");
  await page.reload();
  await expect(page.getByRole("row", { name: /Panneaux et chauffe-eau \(révisé\)/ })).toContainText(
    /120[\s.]000 MAD/,
    { timeout: 30_000 },
  );

  // The tranche: lowered, then deleted after confirmation.
  const trancheRow = page.getByRole("row", { name: /Avance/ });
  await trancheRow.getByRole("button", { name: /^Modifier : 1\. Avance/ }).click();
  const trancheDialog = page.getByRole("dialog", { name: "Modifier la tranche" });
  await trancheDialog.getByRole("textbox", { name: "Montant (MAD)" }).fill("35000");
  await trancheDialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(trancheDialog).toBeHidden({ timeout: 15_000 });
  await expect(trancheRow).toContainText(/35[\s.]000 MAD/);
  await trancheRow.getByRole("button", { name: /^Supprimer : 1\. Avance/ }).click();
  await page
    .getByRole("dialog", { name: "Supprimer cet élément ?" })
    .getByRole("button", { name: "Supprimer" })
    .click();
  await expect(page.getByRole("row", { name: /Avance/ })).toHaveCount(0, { timeout: 15_000 });
  const after = await (await page.request.get(`/api/v1/projects/${id}`)).json();
  expect(after.tranches).toHaveLength(0);
  expect(after.budgetLines[0].amountCentimes).toBe(120_000_00);
});
