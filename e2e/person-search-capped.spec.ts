import { expect, test } from "@playwright/test";
import { backToFrench, DEMO_PASSWORD, login, screenshotPath, toArabic } from "./helpers.ts";

/**
 * More homonyms than a search ranks (the server's cap is 200): the regional officer of
 * Casablanca-Settat imports 230 persons of one name, searches that name and is told to narrow
 * the search (French, then Arabic); with a birth year the message goes.
 */
const HOMONYMS = 230;

test("regional officer: a search with more homonyms than the cap asks for a narrower search, in French and Arabic", async ({
  page,
}) => {
  const tag = String(Date.now() % 100).padStart(2, "0");
  // Letters only (digits are not part of a name's search key): one family name per run.
  const family = `Capsearch${[...tag].map((d) => "abcdefghij"[Number(d)]).join("")}`;
  const rows = Array.from({ length: HOMONYMS }, (_, i) => {
    const cin = `QC${tag}${String(i).padStart(4, "0")}`;
    return `${cin};${family};Abdelkader;;;Homme;${1960 + (i % 40)}-05-17;;MA-CAS`;
  });
  const file = [
    "CIN;Nom;Prénom;Nom (arabe);Prénom (arabe);Sexe;Date de naissance;Téléphone;Province / préfecture",
    ...rows,
  ].join("\n");

  await login(page, "casablanca@jisr.local", DEMO_PASSWORD);
  const menu = page.getByRole("navigation", { name: "Menu principal" });
  await menu.getByRole("link", { name: "Importer des personnes" }).click();
  await page.locator('input[type="file"]').setInputFiles({
    name: "homonymes.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${file}\n`),
  });
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  const result = page.getByTestId("import-result");
  await expect(result.getByText("Terminé", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(result.getByTestId("rows-imported")).toHaveText(String(HOMONYMS));

  await menu.getByRole("link", { name: "Bénéficiaires" }).click();
  const capped = page.getByTestId("persons-search-capped");
  await page.getByRole("searchbox", { name: "Rechercher" }).fill(`Abdelkader ${family}`);
  await expect(capped).toContainText("Trop de personnes correspondent à cette recherche");
  const table = page.getByRole("table", { name: "Bénéficiaires" });
  await expect(table.getByRole("link", { name: `Abdelkader ${family}` }).first()).toBeVisible();
  // Exported, it would hold a part of its matches only: the export waits for a narrower search.
  const exportCsv = page.locator("a", { hasText: "Exporter en CSV" });
  await expect(exportCsv).toHaveAttribute("data-disabled", "true");
  await expect(exportCsv).toHaveAttribute("title", /Précisez la recherche pour l'exporter/);
  await expect(exportCsv).not.toHaveAttribute("href");
  await page.screenshot({ path: screenshotPath("persons-search-capped"), fullPage: true });

  // A birth year among the words: 230 / 40 years leaves a handful, the search is complete.
  await page.getByRole("searchbox", { name: "Rechercher" }).fill(`Abdelkader ${family} 1961`);
  await expect(table.getByRole("link", { name: `Abdelkader ${family}` })).toHaveCount(6);
  await expect(capped).toHaveCount(0);
  await expect(exportCsv).toHaveAttribute("href", /\/persons\/export\?.*format=csv/);

  await toArabic(page);
  await page.getByRole("searchbox").fill(`Abdelkader ${family}`);
  await expect(capped).toContainText("عدد الأشخاص المطابقين لهذا البحث كبير جدا");
  await page.screenshot({ path: screenshotPath("persons-search-capped-ar"), fullPage: true });
  // The language is the user's preference: back to French for the other tests signing in as her.
  await backToFrench(page);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});
