/**
 * Number formats as the reader needs them: the built-in ids (ECMA-376 Part 1 §18.8.30) and
 * whether a format shows a date — decided exactly as exceljs did, so models read before and
 * after the reader was replaced stay the same.
 */

/** Built-in formats by id (the ones that need no numFmt entry), ja-JP where the id is locale-dependent. */
const BUILTIN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

export function builtinFormat(id: number): string | undefined {
  return BUILTIN[id];
}

/** y, m, d, h, s (or b, the Buddhist year) outside quotes and brackets. */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel serial date → "YYYY-MM-DD" (the 1900 system, or 1904 when the workbook says so); null when out of range. */
export function serialToIsoDate(serial: number, date1904: boolean): string | null {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}
