/** 実行ログ: when, with what, from which sheets, and the choices the summary was made with. */
import { toA1 as a1, rangeA1 as a1Range } from '../a1';
import type { SheetKind } from '../model';
import type { PlanSheet } from '../plan';
import { formatSummary, type SummaryKey } from '../i18n/summary';
import { SheetBuilder } from './builder';
import type { Ctx } from './context';
import { fieldLabel, gradeText, localTime, percentText, stableJson } from './helpers';
import { SEVERITY_ORDER } from './findings';
import { SECTION_STYLE, TITLE_STYLE } from './styles';

// ───────────────────────────── 実行ログ ─────────────────────────────

export function logSheet(ctx: Ctx): PlanSheet {
  const { t, model, options } = ctx;
  const s = new SheetBuilder();
  const zone = localTime(options.now, options.timeZone ?? 'Asia/Tokyo');
  const section = (title: string) => {
    s.add();
    const r = s.add([title]);
    s.format(a1Range(r, 0, r, 3), undefined, SECTION_STYLE);
  };

  s.format(a1(s.add([t.titleLog]), 0), undefined, TITLE_STYLE);
  section(t.secRun);
  s.header([t.colItem, t.colValue]);
  s.add([t.logWhenIso, options.now.toISOString()]);
  s.add([formatSummary(t.logWhenLocal, { zone: zone.zone }), zone.text]);
  s.add([t.logVersion, options.generatorVersion]);
  s.add([t.logModelVersion, `${model.generator.name} ${model.generator.version}`]);
  s.add([t.logSource, options.sourceName ?? model.source ?? t.none]);

  if (model.sources) {
    // Every workbook given, read or skipped, and why: one bad file never stops the rest.
    section(t.secSources);
    s.header([t.colFile, t.colStatus2, t.colFields, t.colSheets, t.colReason]);
    for (const src of model.sources) {
      const r = s.add([
        src.file ?? t.thisWorkbook,
        src.status === 'read' ? t.sourceRead : t.sourceSkipped,
        (src.policyFields ?? []).join(', ') || null,
        src.sheets ?? null,
        src.reason ? src.reason[options.lang] : null,
      ]);
      s.format(a1(r, 4), undefined, { wrap: true });
      if (src.status === 'skipped') s.format(a1(r, 1), undefined, { bold: true, fontColor: '#9C0006' });
    }
  }

  section(t.secSheets);
  s.header([t.colSheetName, t.colKind, t.colReason, t.colSheetFields, ...(model.sources ? [t.colFile] : [])]);
  // Hyōka's own summary sheets from an earlier run are not sources: leaving them out keeps re-runs identical.
  for (const sh of model.sheets.filter((x) => x.kind !== 'hyokaSummary')) {
    const r = s.add([sh.name, t[`kind_${sh.kind as SheetKind}` as SummaryKey] ?? sh.kind, sh.reason, (sh.policyFields ?? []).join(', ') || null, ...(model.sources ? [sh.file ?? t.thisWorkbook] : [])]);
    s.format(a1(r, 2), undefined, { wrap: true });
  }

  const inferred = model.sheets.flatMap((sh) => (sh.inferred ?? []).map((i) => ({ sh, i })));
  if (inferred.length) {
    section(t.secInferred);
    s.header([t.colSheetName, t.colInferredWhat, t.colAddress]);
    for (const { sh, i } of inferred) {
      const r = s.add([sh.name, options.lang === 'ja' ? i.detailJa : i.detail, i.source?.address ?? null]);
      s.format(a1(r, 1), undefined, { wrap: true });
    }
  }

  section(t.secCounts);
  s.header([t.colItem, t.colValue]);
  const measures = model.policyFields.flatMap((f) => f.measures);
  s.add([t.countFields, model.policyFields.length]);
  s.add([t.countIndicators, model.policyFields.reduce((n, f) => n + f.indicators.length + f.measures.reduce((k, m) => k + m.indicators.length + m.projects.reduce((j, p) => j + p.indicators.length, 0), 0), 0)]);
  s.add([t.countMeasures, measures.length]);
  s.add([t.countProjects, measures.reduce((n, m) => n + m.projects.length, 0)]);
  for (const sev of SEVERITY_ORDER) {
    s.add([
      formatSummary(t.countFindings, { severity: t[`severity_${sev}` as SummaryKey] }),
      model.findings.filter((f) => f.severity === sev).length,
    ]);
  }

  section(t.secAsOf);
  s.header([t.colFieldId, t.colAsOf, t.colAsOfRule]);
  for (const f of model.policyFields) {
    const rule = f.asOfRule ?? (f.asOf === null ? 'none' : 'latestActual');
    s.add([fieldLabel(f), f.asOf, t[`asOfRule_${rule}` as SummaryKey]]);
  }

  section(t.secOptions);
  s.header([t.colItem, t.colValue]);
  s.add([t.optLang, options.lang]);
  s.add([t.optAsOf, options.asOfOverrides === undefined ? t.none : stableJson(options.asOfOverrides)]);
  s.add([t.optGrades, ctx.grades.map((g) => `${gradeText(ctx.grades, g.grade)} ≥ ${percentText(g.min)}`).join(', ')]);
  s.add([t.optTimeZone, zone.zone]);
  s.add([t.optSourceName, options.sourceName ?? t.none]);
  if (options.compare) s.add([t.optCompare, `${options.compare.last.file ?? options.compare.last.source ?? t.none} (±${percentText(options.compare.options.costThreshold)})`]);

  return s.toSheet('log', t.sheetLog, model.sources ? [30, 34, 60, 16, 40] : [30, 34, 60, 16], { rows: 1, columns: 0 }, '#7F7F7F');
}


