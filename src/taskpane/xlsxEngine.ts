/**
 * Browser mode's .xlsx reading and writing. Only ever loaded with import() (browserPort.ts),
 * so exceljs and jszip stay out of the Office page's initial chunk (webpack.config.js fails
 * the build if they get there).
 */
export { readXlsxSnapshot } from "../xlsx/readXlsx";
export { applyPlanToXlsx, findHyokaSheets } from "../xlsx/applyPlan";
