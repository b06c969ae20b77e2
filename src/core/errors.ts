/**
 * One error class for everything Hyōka tells a user it could not do, with the message
 * in both languages in one place. Content problems are findings, not errors.
 */
export type HyokaErrorCode =
  | 'file-not-found'
  | 'file-unreadable'
  | 'file-empty'
  | 'file-not-xlsx'
  | 'file-xls'
  | 'file-encrypted'
  | 'file-corrupt'
  | 'file-strict'
  | 'file-binary'
  | 'file-too-large'
  | 'output-exists'
  | 'output-dir-missing'
  | 'output-is-dir'
  | 'output-readonly'
  | 'output-unwritable'
  | 'output-extension'
  | 'bad-option'
  | 'bad-profile'
  | 'no-policy-field'
  | 'no-workbook-read'
  | 'protected'
  | 'internal';

const MESSAGES: Record<HyokaErrorCode, { ja: (d: string) => string; en: (d: string) => string }> = {
  'file-not-found': { ja: (d) => `ファイルが見つかりません: ${d}`, en: (d) => `File not found: ${d}` },
  'file-unreadable': { ja: (d) => `ファイルを読み込めません（権限を確認してください）: ${d}`, en: (d) => `Cannot read the file (check its permissions): ${d}` },
  'file-empty': { ja: (d) => `ファイルが空です: ${d}`, en: (d) => `The file is empty: ${d}` },
  'file-not-xlsx': { ja: (d) => `Excelブック（.xlsx）ではありません: ${d}`, en: (d) => `Not an Excel workbook (.xlsx): ${d}` },
  'file-xls': {
    ja: (d) => `古い形式（.xls）のブックです。Excelで「.xlsx」形式で保存し直してください: ${d}`,
    en: (d) => `This is an old-format (.xls) workbook; save it as .xlsx in Excel first: ${d}`,
  },
  'file-encrypted': {
    ja: (d) => `パスワードで保護されたブックは読めません。保護を解除して保存し直してください: ${d}`,
    en: (d) => `The workbook is password-protected; remove the password and save it again: ${d}`,
  },
  'file-corrupt': { ja: (d) => `ブックが壊れているため読めません: ${d}`, en: (d) => `The workbook is damaged and cannot be read: ${d}` },
  'file-strict': {
    ja: (d) => `Strict Open XML 形式のブックには対応していません。Excel で「Excel ブック (*.xlsx)」として保存し直してください: ${d}`,
    en: (d) => `Strict Open XML workbooks are not supported; save it in Excel as "Excel Workbook (*.xlsx)": ${d}`,
  },
  'file-binary': {
    ja: (d) => `バイナリ形式（.xlsb）のブックには対応していません。Excel で「Excel ブック (*.xlsx)」として保存し直してください: ${d}`,
    en: (d) => `Excel Binary Workbooks (.xlsb) are not supported; save it in Excel as "Excel Workbook (*.xlsx)": ${d}`,
  },
  'file-too-large': {
    ja: (d) => `ブックが上限を超えているため読みません（上限は docs/reliability.md）: ${d}`,
    en: (d) => `The workbook passes a size limit, so it is not read (limits: docs/reliability.md): ${d}`,
  },
  'output-exists': {
    ja: (d) => `出力先が入力ファイルと同じです。上書きするには --in-place を指定してください: ${d}`,
    en: (d) => `The output is the input file; pass --in-place to overwrite it: ${d}`,
  },
  'output-dir-missing': { ja: (d) => `出力先のフォルダーがありません: ${d}`, en: (d) => `The output folder does not exist: ${d}` },
  'output-is-dir': {
    ja: (d) => `出力先がフォルダーです。ファイル名を指定してください: ${d}`,
    en: (d) => `The output is a folder; give a file name: ${d}`,
  },
  'output-readonly': {
    ja: (d) => `読み取り専用のファイルなので上書きしません。書き込みを許可するか、--out で別のファイルを指定してください: ${d}`,
    en: (d) => `The file is read-only, so it is not overwritten; allow writing or pass --out with another file: ${d}`,
  },
  'output-unwritable': {
    ja: (d) => `出力先に書き込めません（権限や空き容量を確認してください）: ${d}`,
    en: (d) => `Cannot write the output (check permissions and free space): ${d}`,
  },
  'output-extension': {
    ja: (d) => `出力ファイルの拡張子が入力の形式と合いません（Excel で開けなくなります）。拡張子を ${d} にしてください`,
    en: (d) => `The output's extension does not match the workbook's format (Excel would refuse it); use ${d}`,
  },
  'bad-option': { ja: (d) => `オプションが正しくありません: ${d}`, en: (d) => `Invalid option: ${d}` },
  'bad-profile': {
    ja: (d) => `読み取り設定（プロファイル）に誤りがあるため使えません: ${d}`,
    en: (d) => `The layout profile has errors and cannot be used: ${d}`,
  },
  'no-policy-field': {
    ja: (d) => `評価シートが見つかりません（政策分野評価シート・事務事業評価シート・施策評価シート・事務事業の一覧表のいずれも読み取れませんでした。hyoka inspect で各シートの判定理由を確認できます）: ${d}`,
    en: (d) => `No evaluation sheet found (no policy-field sheet, project or measure evaluation sheet, or project table could be read; hyoka inspect shows why for each sheet): ${d}`,
  },
  'no-workbook-read': {
    ja: (d) => `読み込めたブックがありません（上の各行の理由を確認してください）: ${d}`,
    en: (d) => `No workbook could be read (see the reason on each line above): ${d}`,
  },
  protected: {
    ja: (d) => `シートまたはブックが保護されているため書き込めません。保護を解除してから再実行してください: ${d}`,
    en: (d) => `A sheet or the workbook is protected, so Hyōka cannot write; unprotect it and run again: ${d}`,
  },
  internal: { ja: (d) => `内部エラーが発生しました: ${d}`, en: (d) => `Internal error: ${d}` },
};

export class HyokaError extends Error {
  constructor(
    readonly code: HyokaErrorCode,
    readonly detail: string,
    readonly inner?: unknown,
  ) {
    super(MESSAGES[code].en(detail));
    this.name = 'HyokaError';
  }

  messageIn(lang: 'ja' | 'en'): string {
    return MESSAGES[this.code][lang](this.detail);
  }
}

/** Tells what a file's first bytes say it is. */
export function sniffFile(bytes: Uint8Array): 'zip' | 'cfb' | 'empty' | 'text' | 'other' {
  if (bytes.length === 0) return 'empty';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'cfb';
  const head = bytes.subarray(0, 512);
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  return printable === head.length ? 'text' : 'other';
}
