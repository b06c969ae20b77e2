/** Rules on cells and on the plan's shape: error values, measures without projects. */
import { fieldKey } from './scope';
import type { Draft, Rule } from './types';

export const FORMULA_ERROR_RULE: Rule = {
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
  };

export const MEASURE_WITHOUT_PROJECTS_RULE: Rule = {
    id: 'measure-without-projects',
    severity: 'warning',
    title: { ja: '事務事業のない施策', en: 'A measure without projects' },
    message: {
      ja: (p) => `政策分野${p.field} 施策${p.no}「${p.name}」に事務事業がありません。`,
      en: (p) => `Field ${p.field} measure ${p.no} "${p.name}" has no projects.`,
    },
    check: (ctx) => {
      const out: Draft[] = [];
      for (const f of ctx.fields) for (const m of f.measures) if (!m.projects.length) out.push({ at: m.source, params: { field: fieldKey(f), no: m.no, name: m.name }, policyField: f.id });
      return out;
    },
  };
