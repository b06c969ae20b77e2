/** The summary planner lives in src/core/summary/ (one module per sheet); this path stays for importers. */
export * from './summary';
