/** @jest-environment jsdom */
/**
 * The pane at city scale (issue 14): the DOM stays within a budget whatever the number of policy
 * fields — the overview's table and the findings list render only what is on screen — and each
 * step renders in bounded time. Measured at N = 45 (a city) and N = 200.
 */
import { act, fireEvent, screen } from "@testing-library/react";
import { analyzeWorkbook } from "../../src/core";
import type { CellValue, WorkbookSnapshot } from "../../src/core";
import { toA1 } from "../../src/core/a1";
import { CITY_VARIANTS, cityFields } from "../../bench/city";
import { fieldRows } from "../../bench/generate";
import { fakePort, openTab, renderApp, settle } from "./helpers";

/** Elements in the document: what the browser lays out and styles. */
const NODE_BUDGET = 2500;

function citySnapshot(n: number): WorkbookSnapshot {
  return {
    source: "city.xlsx",
    sheets: cityFields(n).map((f, i) => {
      const v = CITY_VARIANTS[i % CITY_VARIANTS.length];
      return {
        name: `政策分野${f.id}`,
        origin: toA1(v.rowShift, v.colShift),
        values: fieldRows(f, v) as CellValue[][],
      };
    }),
  };
}

const nodes = () => document.getElementsByTagName("*").length;

async function measure(n: number) {
  const snapshot = citySnapshot(n);
  const model = analyzeWorkbook(snapshot, { lang: "ja" });
  const port = fakePort();
  // The analysis is the worker's; the pane renders its model.
  renderApp(port, () => model);
  const scanStart = performance.now();
  fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
  await act(async () => port.finishRead(snapshot));
  await settle();
  const sheetsMs = performance.now() - scanStart;
  const out: Record<string, { nodes: number; ms: number }> = { sheets: { nodes: nodes(), ms: sheetsMs } };
  for (const [tab, name] of [
    ["overview", "概要"],
    ["findings", /^指摘/],
    ["layout", "読み取り設定"],
    ["build", "サマリー作成"],
  ] as const) {
    const start = performance.now();
    await act(async () => openTab(name));
    out[tab] = { nodes: nodes(), ms: performance.now() - start };
  }
  return { out, fields: model.policyFields.length, findings: model.findings.length };
}

describe("the pane at city scale", () => {
  it.each([45, 200])("N = %i: every step stays within the DOM budget", async (n) => {
    const { out, fields, findings } = await measure(n);
    console.log(`N = ${n} (${fields} fields, ${findings} findings): ${JSON.stringify(out)}`);
    expect(fields).toBe(n);
    expect(screen.getByRole("tab", { name: `指摘 (${findings})` })).toBeTruthy();
    for (const [step, m] of Object.entries(out)) {
      expect({ step, nodes: m.nodes }).toEqual({ step, nodes: expect.any(Number) });
      expect([step, m.nodes <= NODE_BUDGET]).toEqual([step, true]);
      // Generous bounds for a loaded CI machine; the E2E measures the real browser.
      expect([step, m.ms < 3000]).toEqual([step, true]);
    }
  });
});
