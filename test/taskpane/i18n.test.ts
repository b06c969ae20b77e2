import { FINANCE_ITEMS } from "../../src/core/model";
import { catalogs, isMessageKey, kindKey, languageFrom, translator } from "../../src/taskpane/i18n";
import type { MessageKey } from "../../src/taskpane/i18n";
import type { SheetKind } from "../../src/core";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n catalogs", () => {
  const jaKeys = Object.keys(catalogs.ja).sort();
  const enKeys = Object.keys(catalogs.en).sort();

  it("have the same keys in Japanese and English", () => {
    expect(enKeys).toEqual(jaKeys);
  });

  // The Japanese era is said in Japanese only: 令和4年度（2022） / FY2022.
  const JA_ONLY: Partial<Record<MessageKey, string[]>> = { "overview.year": ["wareki"] };

  it.each(jaKeys)("%s is non-empty in both languages with the same placeholders", (key) => {
    const ja = catalogs.ja[key as MessageKey];
    const en = catalogs.en[key as MessageKey];
    expect(ja.trim()).not.toBe("");
    expect(en.trim()).not.toBe("");
    const jaOnly = JA_ONLY[key as MessageKey] ?? [];
    expect(placeholders(en)).toEqual(placeholders(ja).filter((p) => !jaOnly.includes(p)));
  });

  it("has a label for every sheet kind", () => {
    const kinds: SheetKind[] = [
      "policyField",
      "projectDetails",
      "projectList",
      "hyokaSummary",
      "empty",
      "unknown",
    ];
    for (const kind of kinds) expect(catalogs.ja[kindKey(kind)]).toBeTruthy();
  });
});

describe("languageFrom", () => {
  it.each([
    ["ja-JP", "ja"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["EN-us", "en"],
    ["fr-FR", "ja"],
    ["", "ja"],
    [undefined, "ja"],
    [null, "ja"],
  ])("%p → %s", (input, lang) => {
    expect(languageFrom(input)).toBe(lang);
  });
});

describe("translator", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translator("en")("scan.readingProgress", { done: 2, total: 5 })).toBe(
      "Reading the workbook… (2/5)"
    );
    expect(translator("ja")("scan.done", {})).toContain("{sheets}");
  });
});

describe("the layout step's words", () => {
  // Every role the core's layout view can give a row (src/core/profile/describe.ts).
  const roles = [
    ...["name", "projectId", "no", "fiscalYear", "department", "legalBasis", "overview"],
    ...["nextYearPolicy", "code", "ignore", "projectName", "measureName"],
    ...FINANCE_ITEMS,
    ...["outcome", "activity", "target-population", "kpi", "target", "actual", "combined"],
  ];

  it.each(roles)("role %s has a name", (role) => {
    expect(isMessageKey(`role.${role}`)).toBe(true);
  });

  it.each(["years", "names", "units", "targets", "actuals", "combined"])(
    "teach role %s has a name and a one-character symbol",
    (role) => {
      for (const lang of ["ja", "en"] as const) {
        expect(catalogs[lang][`teach.role.${role}` as MessageKey]).toBeTruthy();
        expect([...catalogs[lang][`teach.symbol.${role}` as MessageKey]]).toHaveLength(1);
      }
    }
  );
});
