/** Project rules: the 事務事業一覧 against the project blocks, targets written in text. */
import { nameKey } from '../normalize';
import { fmt, fyEn, fyJa } from './format';
import { projects } from './scope';
import type { Draft, Rule } from './types';

// The list / block pairing is the policyField family's: a project read from another family has no list to be missing from.
const seedFamily = (p: { family?: string }) => p.family === undefined || p.family === 'policyField';

export const PROJECT_RULES: Rule[] = [
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
        if (!seedFamily(p) || !p.inList || !p.hasDetail || p.listName === null || nameKey(p.listName) === nameKey(p.name)) continue;
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
      for (const { f, p, key } of projects(ctx)) if (seedFamily(p) && p.inList && !p.hasDetail) out.push({ at: p.listSource ?? p.source, params: { key, name: p.name }, policyField: f.id, project: key });
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
      for (const { f, p, key } of projects(ctx)) if (seedFamily(p) && p.hasDetail && !p.inList) out.push({ at: p.source, params: { key, name: p.name }, policyField: f.id, project: key });
      return out;
    },
  },
];

export const TEXT_TARGET_RULE: Rule = {
    id: 'text-target-below',
    severity: 'warning',
    title: { ja: '文中の目標（〜以上／以下）が未達成', en: 'A target written in text (X以上 / X以下) was missed' },
    message: {
      ja: (p) => `事業 ${p.key}「${p.name}」: ${p.fyJa}の${p.item}は目標 ${p.target}${p.unit}${p.cmp}に対し実績 ${p.actual}${p.unit} です。`,
      en: (p) => `Project ${p.key} "${p.name}": ${p.fyEn} ${p.item} reached ${p.actual} ${p.unit} against a target of ${p.cmpEn} ${p.target} ${p.unit}.`,
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
              fyJa: fyJa(t.fiscalYear, t.label),
              fyEn: fyEn(t.fiscalYear, t.label),
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
  };
