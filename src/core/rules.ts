/**
 * The rule catalog. Each rule is data: id, severity, what it checks (ja/en), the message
 * (ja/en) and the check itself. docs/rules.md is generated from this list
 * (`npm run docs:rules`) and a test keeps the two in step.
 */
import { parseA1 } from './a1';
import type { Grid } from './grid';
import type { Finding, Indicator, Measure, PolicyField, Project, Severity, SourceRef } from './model';
import { nameKey } from './normalize';
import type { KeptReason } from './ownership';
import type { SheetSnapshot } from './snapshot';

export interface RuleContext {
  fields: PolicyField[];
  grids: Grid[];
  /** Every sheet of the workbook as read (sheet-level rules: merges, marks). */
  sheets?: SheetSnapshot[];
}

export interface Draft {
  at: SourceRef;
  params: Record<string, string | number>;
  policyField?: string | null;
  indicator?: number | null;
  project?: string | null;
  fiscalYear?: number | null;
}

export interface Rule {
  id: string;
  severity: Severity;
  title: { ja: string; en: string };
  message: { ja: (p: Record<string, string | number>) => string; en: (p: Record<string, string | number>) => string };
  check: (ctx: RuleContext) => Draft[];
}

/** 1566 → "1,566"; 0.12345 → "0.1235". (toLocaleString is slow on a hot path.) */
const fmt = (n: number | string | null | undefined): string => {
  if (typeof n !== 'number') return String(n ?? '');
  const [i, d] = String(Number(n.toFixed(4))).split('.');
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (d ? `.${d}` : '');
};
const pct = (r: number | null | undefined) => (typeof r === 'number' ? `${(r * 100).toFixed(1)}%` : '—');

const UNIT_EN: Record<string, string> = { 千円: 'thousand yen', 円: 'yen', 万円: 'ten thousand yen', 百万円: 'million yen' };

function* indicators(ctx: RuleContext): Generator<{ f: PolicyField; ind: Indicator }> {
  for (const f of ctx.fields) for (const ind of f.indicators) yield { f, ind };
}
function* projects(ctx: RuleContext): Generator<{ f: PolicyField; m: Measure; p: Project; key: string }> {
  for (const f of ctx.fields) for (const m of f.measures) for (const p of m.projects) yield { f, m, p, key: `${m.no}-${p.no}` };
}

const kpiYearRule = (
  id: string,
  severity: Severity,
  title: Rule['title'],
  message: Rule['message'],
  status: string,
): Rule => ({
  id,
  severity,
  title,
  message,
  check: (ctx) => {
    const out: Draft[] = [];
    for (const { f, ind } of indicators(ctx)) {
      for (const y of ind.years) {
        if (y.status !== status) continue;
        out.push({
          at: y.actualSource ?? y.targetSource ?? ind.source,
          params: {
            field: f.id,
            no: ind.no,
            name: ind.name,
            year: y.fiscalYear,
            label: y.label,
            target: fmt(y.target),
            actual: fmt(y.actual),
            text: y.actualText ?? '',
            rate: pct(y.achievementRate),
            unit: ind.unit,
          },
          policyField: f.id,
          indicator: ind.no,
          fiscalYear: y.fiscalYear,
        });
      }
    }
    return out;
  },
});

export const RULES: Rule[] = [
  kpiYearRule(
    'kpi-below-target',
    'warning',
    { ja: '目標未達成の年度', en: 'A year whose target was missed' },
    {
      ja: (p) => `政策分野${p.field} 指標${p.no}「${p.name}」: ${p.label}の実績 ${p.actual}${p.unit} が目標 ${p.target}${p.unit} に届いていません（達成率 ${p.rate}）。`,
      en: (p) => `Field ${p.field} KPI ${p.no} "${p.name}": the ${p.year} actual ${p.actual} ${p.unit} missed the target ${p.target} (achievement ${p.rate}).`,
    },
    'notAchieved',
  ),
  kpiYearRule(
    'kpi-missing-actual',
    'warning',
    { ja: '評価年度までの実績が未記入', en: 'An actual missing up to the evaluation year' },
    {
      ja: (p) => `政策分野${p.field} 指標${p.no}「${p.name}」: ${p.label}の実績が空欄または「-」です（目標 ${p.target}）。`,
      en: (p) => `Field ${p.field} KPI ${p.no} "${p.name}": the ${p.year} actual is blank or "-" (target ${p.target}).`,
    },
    'notReported',
  ),
  kpiYearRule(
    'kpi-pending-actual',
    'info',
    { ja: '実績が集計中', en: 'An actual not yet tallied' },
    {
      ja: (p) => `政策分野${p.field} 指標${p.no}「${p.name}」: ${p.label}の実績は「${p.text}」です。確定後に再評価してください。`,
      en: (p) => `Field ${p.field} KPI ${p.no} "${p.name}": the ${p.year} actual reads "${p.text}" (not yet tallied); re-run once it is final.`,
    },
    'pending',
  ),
  {
    id: 'kpi-non-numeric',
    severity: 'error',
    title: { ja: '目標・実績が数値でない', en: 'A target or actual that is not a number' },
    message: {
      ja: (p) => `政策分野${p.field} 指標${p.no}「${p.name}」: ${p.label}の${p.what}「${p.text}」を数値として読めません。`,
      en: (p) => `Field ${p.field} KPI ${p.no} "${p.name}": the ${p.year} ${p.whatEn} "${p.text}" is not a number.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, ind } of indicators(ctx)) {
        for (const y of ind.years) {
          const cases: [string, string, SourceRef | null, boolean][] = [
            ['目標', 'target', y.targetSource, y.targetState === 'invalid'],
            ['実績', 'actual', y.actualSource, y.actualState === 'invalid'],
          ];
          for (const [what, whatEn, at, bad] of cases) {
            if (!bad || !at) continue;
            const grid = ctx.grids.find((g) => g.name === at.sheet);
            const { row, col } = parseA1(at.address);
            const text = grid?.at(row, col)?.text ?? '';
            out.push({
              at,
              params: { field: f.id, no: ind.no, name: ind.name, year: y.fiscalYear, label: y.label, what, whatEn, text },
              policyField: f.id,
              indicator: ind.no,
              fiscalYear: y.fiscalYear,
            });
          }
        }
      }
      return out;
    },
  },
  {
    id: 'kpi-off-track-final',
    severity: 'warning',
    title: { ja: '現在のペースでは最終目標に届かない', en: 'Off track for the final target at the current pace' },
    message: {
      ja: (p) =>
        `政策分野${p.field} 指標${p.no}「${p.name}」: ${p.year}年度実績 ${p.latest} から${p.due}年度の最終目標 ${p.final} には年 ${p.required} の伸びが必要ですが、これまでのペースは年 ${p.observed} です。`,
      en: (p) =>
        `Field ${p.field} KPI ${p.no} "${p.name}": from ${p.latest} in ${p.year}, reaching the final target ${p.final} by ${p.due} needs ${p.required} a year; the pace so far is ${p.observed} a year.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, ind } of indicators(ctx)) {
        const t = ind.trajectory;
        if (!t || t.verdict !== 'offTrack') continue;
        out.push({
          at: ind.finalTargetSource ?? ind.source,
          params: {
            field: f.id,
            no: ind.no,
            name: ind.name,
            year: t.fromYear,
            latest: fmt(t.latestActual),
            final: fmt(t.finalTarget),
            due: t.finalYear,
            required: fmt(t.requiredPace),
            observed: t.observedPace === null ? '—' : fmt(t.observedPace),
          },
          policyField: f.id,
          indicator: ind.no,
          fiscalYear: t.fromYear,
        });
      }
      return out;
    },
  },
  {
    id: 'kpi-missing-verification',
    severity: 'warning',
    title: { ja: '未達成なのに検証（要因分析）が空欄', en: 'A missed target with an empty 検証 (cause analysis)' },
    message: {
      ja: (p) => `政策分野${p.field} 指標${p.no}「${p.name}」: 目標未達成の年度がありますが、検証欄が空欄です。未達成の要因分析を記入してください。`,
      en: (p) => `Field ${p.field} KPI ${p.no} "${p.name}": a target was missed but the 検証 (verification) cell is empty; add a cause analysis.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, ind } of indicators(ctx)) {
        if (ind.verification.trim() || !ind.years.some((y) => y.status === 'notAchieved')) continue;
        out.push({ at: ind.verificationSource ?? ind.finalTargetSource ?? ind.source, params: { field: f.id, no: ind.no, name: ind.name }, policyField: f.id, indicator: ind.no });
      }
      return out;
    },
  },
  {
    id: 'kpi-duplicate-number',
    severity: 'error',
    title: { ja: '指標番号の重複', en: 'Two KPIs with one number' },
    message: {
      ja: (p) => `政策分野${p.field}: 指標番号 ${p.no} が重複しています（「${p.name}」）。`,
      en: (p) => `Field ${p.field}: KPI number ${p.no} is used twice ("${p.name}").`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const f of ctx.fields) {
        const seen = new Set<number>();
        for (const ind of f.indicators) {
          if (seen.has(ind.no)) out.push({ at: ind.source, params: { field: f.id, no: ind.no, name: ind.name }, policyField: f.id, indicator: ind.no });
          seen.add(ind.no);
        }
      }
      return out;
    },
  },
  {
    id: 'kpi-missing-target',
    severity: 'info',
    title: { ja: '目標値が未記入の年度', en: 'A year without a target' },
    message: {
      ja: (p) => `政策分野${p.field} 指標${p.no}「${p.name}」: ${p.label}の目標が空欄です。`,
      en: (p) => `Field ${p.field} KPI ${p.no} "${p.name}": no target for ${p.year}.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, ind } of indicators(ctx)) {
        for (const y of ind.years) {
          if (y.targetState !== 'missing') continue;
          out.push({
            at: y.targetSource ?? ind.source,
            params: { field: f.id, no: ind.no, name: ind.name, year: y.fiscalYear, label: y.label },
            policyField: f.id,
            indicator: ind.no,
            fiscalYear: y.fiscalYear,
          });
        }
      }
      return out;
    },
  },
  {
    id: 'formula-error',
    severity: 'error',
    title: { ja: 'セルのエラー値', en: 'An error value in a cell' },
    message: {
      ja: (p) => `シート「${p.sheet}」のセル ${p.address} がエラー値 ${p.code} です。数式を確認してください。`,
      en: (p) => `Cell ${p.address} on sheet "${p.sheet}" holds the error value ${p.code}; check its formula.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const g of ctx.grids) {
        for (const c of g.cells()) {
          const isErr = typeof c.value === 'object' && c.value !== null;
          const looksErr = typeof c.value === 'string' && c.text.charCodeAt(0) === 35 && /^#(DIV\/0!|REF!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/.test(c.text);
          if (!isErr && !looksErr) continue;
          const at = g.ref(c.row, c.col);
          out.push({ at, params: { sheet: g.name, address: at.address, code: c.text } });
        }
      }
      return out;
    },
  },
  {
    id: 'project-name-mismatch',
    severity: 'warning',
    title: { ja: '事務事業一覧と事業シートで事業名が異なる', en: 'Project name differs between the list and the project block' },
    message: {
      ja: (p) => `事業 ${p.key}: 事務事業一覧の「${p.listName}」と事業シートの「${p.name}」が一致しません。`,
      en: (p) => `Project ${p.key}: the list says "${p.listName}" but its block says "${p.name}".`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, p, key } of projects(ctx)) {
        if (!p.inList || !p.hasDetail || p.listName === null || nameKey(p.listName) === nameKey(p.name)) continue;
        out.push({ at: p.listSource ?? p.source, params: { key, listName: p.listName, name: p.name }, policyField: f.id, project: key });
      }
      return out;
    },
  },
  {
    id: 'project-missing-detail',
    severity: 'warning',
    title: { ja: '一覧にあるが事業シートがない', en: 'Listed project without a project block' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」は事務事業一覧にありますが、事業シート（事業名・財務内容の欄）が見つかりません。`,
      en: (p) => `Project ${p.key} "${p.name}" is in the project list but has no project block (事業名, 財務内容).`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, p, key } of projects(ctx)) if (p.inList && !p.hasDetail) out.push({ at: p.listSource ?? p.source, params: { key, name: p.name }, policyField: f.id, project: key });
      return out;
    },
  },
  {
    id: 'project-missing-in-list',
    severity: 'warning',
    title: { ja: '事業シートはあるが一覧にない', en: 'Project block not in the list' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」の事業シートがありますが、事務事業一覧に載っていません。`,
      en: (p) => `Project ${p.key} "${p.name}" has a project block but is missing from the project list.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, p, key } of projects(ctx)) if (p.hasDetail && !p.inList) out.push({ at: p.source, params: { key, name: p.name }, policyField: f.id, project: key });
      return out;
    },
  },
  {
    id: 'finance-general-fund-exceeds-cost',
    severity: 'error',
    title: { ja: '所要一般財源が事業費を超えている', en: 'General fund larger than the project cost' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」: ${p.label}の所要一般財源 ${p.gf} ${p.unit}が事業費 ${p.cost} ${p.unit}を超えています。`,
      en: (p) => `Project ${p.key} "${p.name}": in ${p.year} the general fund ${p.gf} exceeds the project cost ${p.cost} (${p.unitEn}).`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, p, key } of projects(ctx)) {
        for (const y of p.finance) {
          if (y.generalFund === null || y.projectCost === null || y.generalFund <= y.projectCost) continue;
          out.push({
            at: y.source ?? p.source,
            params: { key, name: p.name, year: y.fiscalYear, label: y.label, gf: fmt(y.generalFund), cost: fmt(y.projectCost), unit: p.financeUnit, unitEn: UNIT_EN[p.financeUnit] ?? p.financeUnit },
            policyField: f.id,
            project: key,
            fiscalYear: y.fiscalYear,
          });
        }
      }
      return out;
    },
  },
  {
    id: 'finance-non-numeric',
    severity: 'error',
    title: { ja: '財務内容が数値でない', en: 'A finance value that is not a number' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」: ${p.label}の${p.what}を数値として読めません。`,
      en: (p) => `Project ${p.key} "${p.name}": the ${p.year} ${p.whatEn} is not a number.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      const kinds: [keyof Project['finance'][number], string, string][] = [
        ['projectCostState', '事業費', 'project cost'],
        ['generalFundState', '所要一般財源', 'general fund'],
        ['personnelCostState', '概算人件費', 'personnel cost'],
      ];
      for (const { f, p, key } of projects(ctx)) {
        for (const y of p.finance) {
          for (const [k, what, whatEn] of kinds) {
            if (y[k] !== 'invalid') continue;
            out.push({ at: y.source ?? p.source, params: { key, name: p.name, year: y.fiscalYear, label: y.label, what, whatEn }, policyField: f.id, project: key, fiscalYear: y.fiscalYear });
          }
        }
      }
      return out;
    },
  },
  {
    id: 'finance-missing',
    severity: 'info',
    title: { ja: '事業シートに財務内容がない', en: 'A project block without finance figures' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」: 財務内容（事業費・所要一般財源・概算人件費）が読み取れません。`,
      en: (p) => `Project ${p.key} "${p.name}": no finance figures (project cost, general fund, personnel cost) could be read.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, p, key } of projects(ctx)) {
        if (!p.hasDetail) continue;
        const any = p.finance.some((y) => y.projectCost !== null || y.generalFund !== null || y.personnelCost !== null);
        if (!any) out.push({ at: p.source, params: { key, name: p.name }, policyField: f.id, project: key });
      }
      return out;
    },
  },
  {
    id: 'outcome-no-data',
    severity: 'info',
    title: { ja: '成果の推移に値がない', en: 'An outcome row without values' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」: 成果の推移「${p.item}」に値がありません。`,
      en: (p) => `Project ${p.key} "${p.name}": the outcome "${p.item}" has no values.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, p, key } of projects(ctx)) {
        for (const o of p.outcomes) {
          if (o.values.some((v) => v.state === 'number')) continue;
          out.push({ at: o.source, params: { key, name: p.name, item: o.name }, policyField: f.id, project: key });
        }
      }
      return out;
    },
  },
  {
    id: 'measure-without-projects',
    severity: 'warning',
    title: { ja: '事務事業のない施策', en: 'A measure without projects' },
    message: {
      ja: (p) => `政策分野${p.field} 施策${p.no}「${p.name}」に事務事業がありません。`,
      en: (p) => `Field ${p.field} measure ${p.no} "${p.name}" has no projects.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const f of ctx.fields) for (const m of f.measures) if (!m.projects.length) out.push({ at: m.source, params: { field: f.id, no: m.no, name: m.name }, policyField: f.id });
      return out;
    },
  },
  {
    id: 'text-target-below',
    severity: 'warning',
    title: { ja: '文中の目標（〜以上／以下）が未達成', en: 'A target written in text (X以上 / X以下) was missed' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」: ${p.label}の${p.item}は目標 ${p.target}${p.unit}${p.cmp}に対し実績 ${p.actual}${p.unit} です。`,
      en: (p) => `Project ${p.key} "${p.name}": ${p.label} ${p.item} reached ${p.actual} ${p.unit} against a target of ${p.cmpEn} ${p.target} ${p.unit}.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const { f, p, key } of projects(ctx)) {
        for (const t of p.textTargets) {
          if (t.achieved !== false) continue;
          out.push({
            at: t.source,
            params: {
              key,
              name: p.name,
              label: t.label,
              item: t.item,
              target: fmt(t.target),
              actual: fmt(t.actual),
              unit: t.unit,
              cmp: t.comparator === 'atLeast' ? '以上' : '以下',
              cmpEn: t.comparator === 'atLeast' ? 'at least' : 'at most',
            },
            policyField: f.id,
            project: key,
            fiscalYear: t.fiscalYear,
          });
        }
      }
      return out;
    },
  },
  // Rules about whole sheets rather than their contents.
  {
    id: 'sheet-merges-overlap',
    severity: 'warning',
    title: { ja: '結合セルの範囲が重なっている', en: 'Merged areas overlap' },
    message: {
      ja: (p) => `シート「${p.sheet}」の結合セル ${p.a} と ${p.b} が重なっています（重なる結合 ${p.count} 件）。Excel は開くときに修復します。レイアウトを確認してください。`,
      en: (p) => `Merged areas ${p.a} and ${p.b} on sheet "${p.sheet}" overlap (${p.count} overlapping areas); Excel repairs this on opening. Check the layout.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const s of ctx.sheets ?? []) {
        if (s.ownedByHyoka || !Array.isArray(s.merges) || s.merges.length < 2) continue;
        const o = overlappingMerges(s.merges);
        if (o) out.push({ at: { sheet: s.name, address: o.b.split(':')[0].replace(/\$/g, '') }, params: { sheet: s.name, ...o } });
      }
      return out;
    },
  },
  {
    id: 'sheet-kept-mark',
    severity: 'info',
    title: { ja: 'Hyōka の印があるが利用者のシート', en: "A sheet with Hyōka's mark that is yours" },
    message: {
      ja: (p) => `シート「${p.sheet}」には Hyōka のサマリーの印がありますが、${p.why}です。利用者のシートとして残し、削除も読み取りもしません。`,
      en: (p) => `Sheet "${p.sheet}" carries Hyōka's summary mark but is ${p.whyEn}: it is kept as yours, never deleted and not read as a source.`,
    },
    check: (ctx) =>
      (ctx.sheets ?? [])
        .filter((s) => s.keptMark && KEPT[s.keptMark])
        .map((s) => ({ at: { sheet: s.name, address: 'A1' }, params: { sheet: s.name, why: KEPT[s.keptMark!].ja, whyEn: KEPT[s.keptMark!].en } })),
  },
];

/** "B3:D5" → box; undefined when it is not an A1 range. */
function boxOf(ref: string): { r0: number; c0: number; r1: number; c1: number } | undefined {
  try {
    const [a, b] = ref.split(':');
    const s = parseA1(a);
    const e = parseA1(b ?? a);
    return { r0: Math.min(s.row, e.row), c0: Math.min(s.col, e.col), r1: Math.max(s.row, e.row), c1: Math.max(s.col, e.col) };
  } catch {
    return undefined;
  }
}

/** The first pair of overlapping merged areas and how many areas overlap another (a sweep down the rows). */
export function overlappingMerges(merges: string[]): { a: string; b: string; count: number } | undefined {
  const boxes = merges.map((ref) => ({ ref, box: boxOf(ref) })).filter((x) => x.box) as { ref: string; box: NonNullable<ReturnType<typeof boxOf>> }[];
  boxes.sort((x, y) => x.box.r0 - y.box.r0);
  let active: typeof boxes = [];
  let first: { a: string; b: string } | undefined;
  const overlapping = new Set<string>();
  for (const m of boxes) {
    active = active.filter((x) => x.box.r1 >= m.box.r0);
    for (const x of active) {
      if (x.box.c0 <= m.box.c1 && m.box.c0 <= x.box.c1) {
        first ??= { a: x.ref, b: m.ref };
        overlapping.add(x.ref).add(m.ref);
      }
    }
    active.push(m);
  }
  return first && { ...first, count: overlapping.size };
}

const KEPT: Record<KeptReason, { ja: string; en: string }> = {
  copied: { ja: 'コピーされたシート', en: 'a copy of a summary sheet' },
  renamed: { ja: '名前が変更されたサマリーシート', en: 'a summary sheet that was renamed' },
  otherRun: { ja: 'このブックの記録にない印', en: 'a mark this workbook has no record of' },
  duplicate: { ja: '同じ印を持つシートが複数', en: 'one of several sheets with the same mark' },
};


export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Runs every rule; findings come out in a stable order (sheet, row, column, rule). */
export function runRules(ctx: RuleContext, lang: 'ja' | 'en', sheetOrder: string[]): Finding[] {
  const out: (Finding & { _k: [number, number, number, number] })[] = [];
  RULES.forEach((rule, ri) => {
    for (const d of rule.check(ctx)) {
      const ja = rule.message.ja(d.params);
      const en = rule.message.en(d.params);
      const { row, col } = parseA1(d.at.address);
      out.push({
        rule: rule.id,
        severity: rule.severity,
        message: lang === 'en' ? en : ja,
        messageJa: ja,
        messageEn: en,
        sheet: d.at.sheet,
        address: d.at.address,
        policyField: d.policyField ?? null,
        indicator: d.indicator ?? null,
        project: d.project ?? null,
        fiscalYear: d.fiscalYear ?? null,
        _k: [sheetOrder.indexOf(d.at.sheet), row, col, ri],
      });
    }
  });
  out.sort((a, b) => a._k[0] - b._k[0] || a._k[1] - b._k[1] || a._k[2] - b._k[2] || a._k[3] - b._k[3]);
  return out.map(({ _k, ...f }) => f);
}
