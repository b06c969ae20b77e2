/** What src/xlsx tells its callers it could not do with a package (the CLI and the pane word it for users). */
export type XlsxErrorCode =
  | 'not-xlsx'
  | 'corrupt'
  | 'damaged-part'
  | 'strict'
  | 'binary'
  | 'too-large'
  | 'unsupported-package'
  | 'invalid-plan'
  | 'protected';

const MESSAGES: Record<XlsxErrorCode, string> = {
  'not-xlsx': 'The input is not an .xlsx package (zip with a workbook part).',
  corrupt: 'The zip package is damaged.',
  'damaged-part': 'A part of the package is damaged.',
  strict: 'Strict Open XML workbooks are not supported; save it as an ordinary Excel Workbook (.xlsx).',
  binary: 'Excel Binary Workbooks (.xlsb) are not supported; save it as an Excel Workbook (.xlsx).',
  'too-large': 'The package passes a size limit (docs/reliability.md).',
  'unsupported-package': 'This workbook package cannot be summarized safely.',
  'invalid-plan': 'The summary plan is not valid.',
  protected: 'The workbook structure is protected: sheets cannot be added. Unprotect it (Review → Protect Workbook) and run again.',
};

export class XlsxApplyError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    readonly detail: string,
    readonly cause?: unknown,
  ) {
    super(`${MESSAGES[code]} ${detail}`.trim());
    this.name = 'XlsxApplyError';
  }
}
