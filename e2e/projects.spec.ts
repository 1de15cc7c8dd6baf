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
