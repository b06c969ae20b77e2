/** Public surface of the pure core (no Office.js, no exceljs, no DOM). */
export * from './snapshot';
export * from './model';
export * from './plan';
export { VERSION } from './version';
export { analyzeWorkbook } from './analyze';
export type { AnalyzeOptions } from './analyze';
export { planSummary } from './planSummary';
export type { PlanSummaryOptions } from './planSummary';
export { RULES } from './rules';
export type { Rule } from './rules';
export { HyokaError } from './errors';
