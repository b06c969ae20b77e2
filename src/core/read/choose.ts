/**
 * How each sheet is read: the user's kind override first, then the layout profile's entry for
 * the sheet (a family layout, the seed family, a taught custom table, or "ignore"), else the
 * recognizers' best bid. An entry whose labels the sheet lacks falls back to the automatic
 * reading and says which labels were missing — a profile never silently empties a model.
 */
import type { Grid } from '../grid';
import type { SheetInfo, SheetKind } from '../model';
import { useProfile } from '../profile/apply';
import { entryFor } from '../profile/match';
import type { CustomProfile, LayoutProfile } from '../profile/types';
import { chooseReading, type FamilyRecognizer } from './recognize';

export interface SheetChoice {
  info: SheetInfo;
  recognizer: FamilyRecognizer | null;
  layout: unknown;
  custom: CustomProfile | null;
  /** The profile entry used (its index), for the derived profile and messages. */
  entry: number | null;
  /** Labels of the sheet's profile entry that the sheet does not have. */
  missing: string[] | null;
}

export function chooseSheet(g: Grid, seed: SheetInfo, override: SheetKind | undefined, profile: LayoutProfile | undefined): SheetChoice {
  const auto = (missing: string[] | null = null): SheetChoice => ({ ...chooseReading(g, seed, override), custom: null, entry: null, missing });
  if (override || !profile || seed.kind === 'hyokaSummary' || seed.kind === 'empty') return auto();
  const entry = entryFor(profile.sheets, g);
  if (!entry) return auto();
  const index = profile.sheets.indexOf(entry);
  const by = { en: `read with the layout profile (entry ${index + 1})`, ja: `読み取り設定（項目 ${index + 1}）で読み取り` };
  const use = useProfile(g, entry);
  switch (use.kind) {
    case 'family':
      return {
        info: { name: g.name, kind: use.recognizer.kind, family: use.recognizer.family, reason: by.en, reasonJa: by.ja },
        recognizer: use.recognizer,
        layout: use.layout,
        custom: null,
        entry: index,
        missing: null,
      };
    case 'custom':
      return { info: { name: g.name, kind: 'custom', family: 'custom', reason: by.en, reasonJa: by.ja }, recognizer: null, layout: null, custom: entry.layout as CustomProfile, entry: index, missing: null };
    case 'ignore':
      return { info: { name: g.name, kind: 'unknown', reason: `ignored by the layout profile (entry ${index + 1})`, reasonJa: `読み取り設定（項目 ${index + 1}）で読み取り対象外` }, recognizer: null, layout: null, custom: null, entry: index, missing: null };
    case 'seed':
      if (seed.kind === 'policyField') return { ...auto(), entry: index };
      return { ...auto(['政策分野']), entry: index };
    case 'unfit':
      return { ...auto(use.missing), entry: index };
  }
}
