/**
 * Normalizers for what staff type into evaluation workbooks: full-width digits,
 * thousands separators, ▲/△ negatives, units, missing and not-yet-tallied marks,
 * Japanese fiscal years, labels with stray spaces, and HTML markup in cells.
 */
import { CellValue, isCellError } from './snapshot';
import type { FinanceBasis, ValueState } from './model';

/** NFKC (full-width → half-width, ㈱ → (株)…) and trimmed. */
export function nfkc(s: string): string {
  return s.normalize('NFKC').trim();
}

/** Text of a cell for display: numbers as written, errors as their code, blank as ''. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  return String(v).trim();
}

/**
 * A label's comparable form: NFKC, every kind of white space and line break removed,
 * and look-alike punctuation folded ("法定／自主" → "法定/自主", "指 標 名" → "指標名").
 */
const labelKeys = new Map<string, string>();

/** "事業費（千円）" is the label 事業費: a money unit in trailing brackets is not part of a label. */
function stripMoneyUnit(s: string): string {
  return s.replace(/\s*[(（]\s*(?:単位\s*[:：]?\s*)?(?:千円|円|万円|百万円)\s*[)）]\s*$/, '');
}

export function labelKey(s: string): string {
  let k = labelKeys.get(s);
  if (k === undefined) {
    k = computeLabelKey(s);
    if (labelKeys.size > 100_000) labelKeys.clear();
    labelKeys.set(s, k);
  }
  return k;
}

function computeLabelKey(s: string): string {
  return stripMoneyUnit(s)
    .normalize('NFKC')
    .replace(/[\s\u200b\u3000]+/g, '')
    .replace(/[・･]/g, '・')
    .replace(/[‐‑‒–—―ー−]/g, '-')
    .replace(/[「」『』【】]/g, '');
}

/** Marks that mean "no value" — kept apart from 0. */
const MISSING_MARKS = new Set(['-', '--', '―', '—', '–', '‐', '−', 'ー', '－', '─', '━', '…', '・', 'なし', '無し', 'N/A', 'n/a', 'NA', '×', '/', '／', '空欄']);
/** Marks that mean "not yet tallied" (to be reported later). */
const PENDING_RE = /^(未集計|集計中|調査中|未確定|算出中|確定前|未公表|未実施|[(（]?(?:集計|調査)中[)）]?|速報値?待ち|TBD|tbd|pending)$/;

export interface ParsedNumber {
  state: ValueState;
  value: number | null;
  /** Unit written with the number ("千円", "%", "人"), or ''. */
  unit: string;
  /** The cell's text as written (for messages). */
  text: string;
}

const NUMBER_RE = /^([▲△-]|マイナス)?\s*([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|[0-9]*\.[0-9]+)\s*(.{0,8}?)$/;

/**
 * Reads a number as staff type it: 1,566 / １，５６６ / ▲300 / △1.5 / 85% / 75人 / 9,755千円.
 * Blank and dash marks are `missing`; 未集計/集計中/調査中 are `pending`; other text is `invalid`.
 */
export function parseNumber(v: CellValue | undefined): ParsedNumber {
  if (v === null || v === undefined) return { state: 'missing', value: null, unit: '', text: '' };
  if (isCellError(v)) return { state: 'error', value: null, unit: '', text: v.error };
  if (typeof v === 'number') {
    return Number.isFinite(v) ? { state: 'number', value: v, unit: '', text: String(v) } : { state: 'invalid', value: null, unit: '', text: String(v) };
  }
  if (typeof v === 'boolean') return { state: 'invalid', value: null, unit: '', text: String(v) };
  const text = v.trim();
  const s = text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  if (s === '') return { state: 'missing', value: null, unit: '', text };
  if (MISSING_MARKS.has(s)) return { state: 'missing', value: null, unit: '', text };
  if (PENDING_RE.test(s)) return { state: 'pending', value: null, unit: '', text };
  if (/^#(DIV\/0!|REF!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/.test(s)) {
    return { state: 'error', value: null, unit: '', text };
  }
  const m = NUMBER_RE.exec(s);
  if (m) {
    const unit = m[3];
    if (unit && (/[0-9]/.test(unit) || !isUnit(unit))) return { state: 'invalid', value: null, unit: '', text };
    let value = Number(m[2].replace(/,/g, ''));
    if (m[1]) value = -value;
    return { state: 'number', value, unit, text };
  }
  return { state: 'invalid', value: null, unit: '', text };
}

/** Units that may follow a number in a cell. */
function isUnit(u: string): boolean {
  return /^(千円|万円|百万円|億円|円|%|パーセント|ポイント|pt|人|名|件|事業|団体|回|か所|ヶ所|箇所|カ所|校|社|世帯|戸|台|本|冊|t|トン|kg|g|km|m|㎡|m2|ha|時間|日|日間|か月|ヶ月|年|点|割|倍|施設|店|店舗|組|チーム|人日|人\/日|件\/年|回\/年|人\/年|%以上|%以下|以上|以下|程度|未満|超)$/.test(u);
}

/** Converts a money amount in `unit` to 千円 (the sheets' usual unit); null when the unit is not money. */
export function toThousandYen(value: number, unit: string): number | null {
  switch (unit) {
    case '千円':
    case '':
      return value;
    case '円':
      return value / 1000;
    case '万円':
      return value * 10;
    case '百万円':
      return value * 1000;
    case '億円':
      return value * 100000;
    default:
      return null;
  }
}

export interface ParsedYear {
  fiscalYear: number;
  basis: FinanceBasis | null;
}

export const ERA_START: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988, 昭和: 1925, S: 1925 };

/**
 * Japanese fiscal years in every form staff type: 令和元年度, 令和4年度, 令和４年度, R4, R4年度,
 * R.4, H30, 平成30年度, 2022年度, 2022, FY2022 → 2022. A trailing (予算)/(見込み)/(決算) gives the basis.
 * Returns null for anything else (so a number like 73 is never mistaken for a year).
 */
export function parseFiscalYear(v: CellValue | undefined): ParsedYear | null {
  if (v === null || v === undefined || isCellError(v) || typeof v === 'boolean') return null;
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 1990 && v <= 2100 ? { fiscalYear: v, basis: null } : null;
  }
  // Years start with an era, R/H/S, FY or a digit (half- or full-width): anything else is not one.
  if (v.length > 40 || !/^[\s\u3000]*[令平昭RrHhSsFf0-9Ｒｒ\uFF28\uFF48\uFF33\uFF53\uFF26\uFF46０-９]/.test(v)) return null;
  let hit = yearCache.get(v);
  if (hit === undefined) {
    hit = readFiscalYear(v);
    if (yearCache.size > 50_000) yearCache.clear();
    yearCache.set(v, hit);
  }
  return hit && { ...hit };
}

const yearCache = new Map<string, ParsedYear | null>();

function readFiscalYear(v: string): ParsedYear | null {
  const s = v.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  if (s.length > 24) return null;
  const basis = /予算/.test(s) ? 'budget' : /見込/.test(s) ? 'estimate' : /決算|実績/.test(s) ? 'settlement' : null;
  // After the year, a short tail without digits may follow: (予算), 当初予算, 見込, 実績, 目標…
  let m = /^(令和|平成|昭和|[RrHhSs])\.?(元|[0-9]{1,2})(?:年度?)?(?:[(（][^0-9]*[)）]|[^0-9()（）]{0,12})$/.exec(s);
  if (m) {
    const era = m[1].length === 1 ? m[1].toUpperCase() : m[1];
    const n = m[2] === '元' ? 1 : Number(m[2]);
    if (n < 1 || n > 64) return null;
    return { fiscalYear: ERA_START[era] + n, basis };
  }
  m = /^(?:FY)?((?:19|20|21)[0-9]{2})(?:年度?)?(?:[(（][^0-9]*[)）]|[^0-9()（）]{0,12})$/i.exec(s);
  if (m) {
    // "2022" alone is a year only in a header context; callers pass header cells only.
    return { fiscalYear: Number(m[1]), basis };
  }
  return null;
}

/** Decodes the HTML entities that appear in exported cells. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', yen: '¥', times: '×', middot: '・' };
    return named[ent.toLowerCase()] ?? whole;
  });
}

interface HtmlToken {
  kind: 'text' | 'open' | 'close';
  name: string;
  text: string;
}

/** A tiny tokenizer: tags become tokens, never markup that is rendered. */
function tokenize(html: string): HtmlToken[] {
  const out: HtmlToken[] = [];
  const re = /<\s*(\/)?\s*([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<!--[\s\S]*?-->/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (m.index > last) out.push({ kind: 'text', name: '', text: html.slice(last, m.index) });
    if (m[2]) out.push({ kind: m[1] ? 'close' : 'open', name: m[2].toLowerCase(), text: '' });
    last = re.lastIndex;
  }
  if (last < html.length) out.push({ kind: 'text', name: '', text: html.slice(last) });
  return out;
}

const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'tr', 'table', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'thead', 'tbody']);
const DROP_TAGS = new Set(['script', 'style']);

/** True when the text holds HTML-like markup. */
export function hasMarkup(s: string): boolean {
  return /<\s*\/?\s*[a-zA-Z][a-zA-Z0-9]*\b[^>]*>/.test(s);
}

/**
 * Markup in a cell → plain text. Paragraphs and list items become lines, table cells are
 * joined by " | ", <script>/<style> content is dropped. Nothing is ever rendered.
 */
export function htmlToText(s: string): string {
  if (!hasMarkup(s)) return decodeEntities(s).trim();
  const lines: string[] = [];
  let line = '';
  let drop = 0;
  let cellInRow = 0;
  const flush = () => {
    const t = line.replace(/[ \t\u3000]+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  for (const t of tokenize(s)) {
    if (t.kind === 'text') {
      if (!drop) line += decodeEntities(t.text);
      continue;
    }
    if (DROP_TAGS.has(t.name)) {
      drop += t.kind === 'open' ? 1 : drop > 0 ? -1 : 0;
      continue;
    }
    if (t.name === 'td' || t.name === 'th') {
      if (t.kind === 'open') {
        if (cellInRow > 0) line += ' | ';
        cellInRow++;
      }
      continue;
    }
    if (t.name === 'tr') cellInRow = 0;
    if (BLOCK_TAGS.has(t.name)) {
      flush();
      if (t.name === 'li' && t.kind === 'open') line = '・';
    }
  }
  flush();
  return lines.map((l) => l.replace(/^・\s*・/, '・')).join('\n');
}

/** The tables inside a cell's markup, as rows of cell texts. */
export function htmlTables(s: string): string[][][] {
  const tables: string[][][] = [];
  let table: string[][] | null = null;
  let row: string[] | null = null;
  let cell: string | null = null;
  for (const t of tokenize(s)) {
    if (t.kind === 'text') {
      if (cell !== null) cell += decodeEntities(t.text);
      continue;
    }
    if (t.name === 'table') {
      if (t.kind === 'open') table = [];
      else if (table) {
        tables.push(table);
        table = null;
      }
    } else if (t.name === 'tr' && table) {
      if (t.kind === 'open') row = [];
      else if (row) {
        table.push(row);
        row = null;
      }
    } else if ((t.name === 'td' || t.name === 'th') && row) {
      if (t.kind === 'open') cell = '';
      else if (cell !== null) {
        row.push(cell.replace(/\s+/g, ' ').trim());
        cell = null;
      }
    }
  }
  if (table) tables.push(table);
  return tables;
}

/** Text a person reads: markup stripped, white space tidied. */
export function plainText(v: CellValue | undefined): string {
  return htmlToText(cellText(v));
}

/** Names compared across the list and the project blocks: NFKC, no spaces, bracket kinds folded. */
export function nameKey(s: string): string {
  return labelKey(htmlToText(s)).replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace(/[〜~～]/g, '~');
}
