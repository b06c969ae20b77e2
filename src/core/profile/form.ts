/**
 * Form sheets (事務事業評価シート, 施策評価シート) as profile entries and back: the anchor label
 * that starts each project (or the measure), the evaluation year, and the user's corrections.
 * Everything else is found again under the year headers, as the recognizer finds it.
 */
import type { Grid, GridCell } from '../grid';
import type { MeasureSheetLayout } from '../read/measureSheet/layout';
import { listHeader } from '../read/measureSheet/list';
import type { ProjectSheetLayout } from '../read/projectSheet/layout';
import { anchors, distinctRows, segments } from '../read/projectSheet/recognize';
import { valueOf } from '../read/shared/form';
import { isFormLabel } from '../read/shared/formLabels';
import type { FormOverrides } from '../read/shared/overrides';
import { sheetContext } from '../read/shared/sheetContext';
import { termKey } from '../read/shared/terms';
import type { Resolved } from './table';
import type { FormProfile } from './types';

function overridesOf(p: FormProfile): FormOverrides | undefined {
  if (!p.moneyRows && !p.fields && !p.tableKinds && p.evaluationYear === null) return undefined;
  const o: FormOverrides = {};
  if (p.evaluationYear !== null) o.evaluationYear = p.evaluationYear;
  if (p.moneyRows) o.moneyRows = p.moneyRows;
  if (p.fields) o.fields = p.fields;
  if (p.tableKinds) o.tableKinds = p.tableKinds;
  return o;
}

/** A profile's evaluation year is a pin: null reads it from the sheet, as the recognizer did. */
function withOverrides(p: FormProfile, o: FormOverrides | undefined): FormProfile {
  p.evaluationYear = o?.evaluationYear ?? null;
  if (o?.moneyRows) p.moneyRows = o.moneyRows;
  if (o?.fields) p.fields = o.fields;
  if (o?.tableKinds) p.tableKinds = o.tableKinds;
  return p;
}

export function projectSheetToProfile(g: Grid, layout: ProjectSheetLayout): FormProfile {
  const first = layout.segments[0];
  const label = g.at(first.labelRow, first.labelCol);
  return withOverrides({ anchor: label?.text ?? '事務事業名', lead: first.labelRow - first.start, evaluationYear: null, era: layout.era }, layout.overrides);
}

export function projectSheetFromProfile(g: Grid, p: FormProfile): Resolved<ProjectSheetLayout> {
  const key = termKey(p.anchor);
  const found = distinctRows(anchors(g, (c: GridCell) => c.text.length <= 40 && termKey(c.text) === key));
  if (!found.length) return { layout: null, missing: [p.anchor] };
  const ctx = sheetContext(g, 0, Math.min(g.rowCount, found[0].row + 8));
  return {
    layout: {
      family: 'projectSheet',
      segments: segments(g, found, p.lead),
      evaluationYear: ctx.evaluationYear,
      era: p.era ?? ctx.era,
      overrides: overridesOf(p),
    },
    missing: [],
  };
}

export function measureSheetToProfile(g: Grid, layout: MeasureSheetLayout): FormProfile {
  const label = g.at(layout.labelRow, layout.labelCol);
  return withOverrides({ anchor: label?.text ?? '施策名', evaluationYear: null, era: layout.era }, layout.overrides);
}

export function measureSheetFromProfile(g: Grid, p: FormProfile): Resolved<MeasureSheetLayout> {
  const key = termKey(p.anchor);
  const label = g.cells().find((c) => typeof c.value === 'string' && c.text.length <= 40 && termKey(c.text) === key && valueOf(g, c, isFormLabel));
  if (!label) return { layout: null, missing: [p.anchor] };
  const ctx = sheetContext(g, 0, Math.min(g.rowCount, label.row + 12));
  return {
    layout: {
      family: 'measureSheet',
      labelRow: label.row,
      labelCol: label.col,
      listHeaderRow: listHeader(g, label.row),
      evaluationYear: ctx.evaluationYear,
      era: p.era ?? ctx.era,
      overrides: overridesOf(p),
    },
    missing: [],
  };
}
