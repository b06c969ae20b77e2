/** Rules about whole sheets rather than their contents: overlapping merges, kept summary marks. */
import { parseA1 } from '../a1';
import type { SourceRef } from '../model';
import type { KeptReason } from '../ownership';
import type { Draft, Rule } from './types';

export const SHEET_RULES: Rule[] = [
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
        if (o) out.push({ at: sheetAt(s, o.b.split(':')[0].replace(/\$/g, '')), params: { sheet: s.name, ...o } });
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
        .map((s) => ({ at: sheetAt(s, 'A1'), params: { sheet: s.name, why: KEPT[s.keptMark!].ja, whyEn: KEPT[s.keptMark!].en } })),
  },
];

/** A cell of a sheet, naming its workbook when several are joined. */
function sheetAt(s: { name: string; file?: string }, address: string): SourceRef {
  return s.file === undefined ? { sheet: s.name, address } : { sheet: s.name, address, file: s.file };
}

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
