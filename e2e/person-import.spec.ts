import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { backToFrench, DEMO_PASSWORD, login, screenshotPath, toArabic } from "./helpers.ts";

/**
 * The regional officer of Casablanca-Settat imports a small CSV of persons: two good rows, one
 * with a bad CIN and one living in Rabat (out of her region). She sees the upload, then the
 * counts, downloads the rejected rows with their reasons, then does it again in Arabic.
 */
const csv = (tag: string) =>
  [
    "CIN;Nom;Prénom;Nom (arabe);Prénom (arabe);Sexe;Date de naissance;Téléphone;Province / préfecture",
    `QZ${tag}1;Alaoui;Fatima;العلوي;فاطمة;Femme;12/03/1985;0661234567;MA-CAS`,
    `QZ${tag}2;Bennani;Mohamed;بناني;محمد;Homme;1990-07-01;;MA-SET`,
    `Q-${tag};Tazi;Amina;;;Femme;1992-01-20;;MA-CAS`,
    `QZ${tag}4;Idrissi;Youssef;;;Homme;1980-01-01;;MA-RAB`,
  ].join("\n");

const upload = async (page: import("@playwright/test").Page, tag: string) => {
  await page.locator('input[type="file"]').setInputFiles({
    name: `beneficiaires-${tag}.csv`,
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${csv(tag)}\n`),
  });
};

test("regional officer: import persons from a CSV, see the counts, download the rejected rows; in Arabic too", async ({
  page,
}) => {
  const tag = String(Date.now() % 100000).padStart(5, "0");
  await login(page, "casablanca@jisr.local", DEMO_PASSWORD);
  const menu = page.getByRole("navigation", { name: "Menu principal" });
  await menu.getByRole("link", { name: "Importer des personnes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import de personnes" })).toBeVisible();

  await upload(page, tag);
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  const result = page.getByTestId("import-result");
  await expect(result.getByText("Terminé", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(result.getByTestId("rows-read")).toHaveText("4");
  await expect(result.getByTestId("rows-imported")).toHaveText("2");
  await expect(result.getByTestId("rows-rejected")).toHaveText("2");
  await page.screenshot({ path: screenshotPath("person-import"), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger les lignes rejetées (CSV)" }).click(),
  ]);
  const report = readFileSync((await download.path()) as string, "utf8");
  expect(report).toContain("CIN invalide");
  expect(report).toContain("hors de votre périmètre");
  expect(report.trim().split(/\r?\n/)).toHaveLength(3);

  // The same in Arabic, right to left, with another file.
  await toArabic(page);
  await expect(page.getByRole("heading", { level: 1, name: "استيراد الأشخاص" })).toBeVisible();
  const tagAr = String((Number(tag) + 1) % 100000).padStart(5, "0");
  await upload(page, tagAr);
  await page.getByRole("button", { name: "استيراد", exact: true }).click();
  await expect(result.getByText("انتهى", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(result.getByTestId("rows-imported")).toHaveText("2");
  await expect(result.getByTestId("rows-rejected")).toHaveText("2");
  const [downloadAr] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "تنزيل الأسطر المرفوضة (CSV)" }).click(),
  ]);
  expect(readFileSync((await downloadAr.path()) as string, "utf8")).toContain("السطر");
  await page.screenshot({ path: screenshotPath("person-import-ar"), fullPage: true });
  await backToFrench(page);
});
