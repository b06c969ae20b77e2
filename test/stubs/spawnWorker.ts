/** jest's stand-in for src/taskpane/worker/spawn.ts (import.meta cannot load in its CommonJS): no worker. */
export function spawnAnalysisWorker(): null {
  return null;
}
