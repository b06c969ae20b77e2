/**
 * One Excel.run's RequestContext: queues calls, and at sync() sends them as one request the way
 * Office.js does — measured as the JSON Office.js would send (actions, object paths, argument
 * values) and the JSON the response would carry — then runs them in order.
 */
import { FakeOfficeError, ObjPath, pascal, wireArguments, type Op, type PathInfo } from './base';
import type { FakeExcel, RunOptions } from './excel';
import { FakeApplication, FakeWorkbook } from './workbook';
import { strict } from './base';

function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * The request body Office.js builds (ClientRequestBase.buildRequestMessageBodyAndRequestFlags in
 * office.js): {AutoKeepReference, Actions, ObjectPaths}. An object made by a method or indexer is
 * instantiated by an action of its own the first time a batch uses it.
 */
export function requestBody(ops: Op[], nextId: () => number): unknown {
  const paths: Record<number, PathInfo> = {};
  const actions: unknown[] = [];
  const instantiated = new Set<number>();
  const addPath = (p: ObjPath | null): void => {
    for (let q = p; q; q = q.parent) {
      paths[q.info.Id] = q.info;
      q.argPaths.forEach(addPath);
    }
  };
  const instantiate = (p: ObjPath | null, id?: number): void => {
    if (!p) return;
    instantiate(p.parent);
    p.argPaths.forEach((a) => instantiate(a));
    const t = p.info.ObjectPathType;
    if ((t !== 3 && t !== 5) || instantiated.has(p.info.Id)) return;
    instantiated.add(p.info.Id);
    actions.push({ Id: id ?? nextId(), ActionType: 1, Name: '', ObjectPathId: p.info.Id });
  };
  for (const op of ops) {
    addPath(op.on);
    if (op.kind === 'instantiate') {
      instantiate(op.on, op.id);
      continue;
    }
    instantiate(op.on);
    const base = { Id: op.id, ObjectPathId: op.on.info.Id };
    if (op.kind === 'query') {
      actions.push({ ...base, ActionType: 2, Name: '', QueryInfo: { Select: (op.select ?? []).map((s) => s.split('/').map(pascal).join('/')), Expand: [] } });
      continue;
    }
    const args = wireArguments(op.args ?? []);
    args.paths.forEach((a) => {
      addPath(a);
      instantiate(a);
    });
    actions.push({ ...base, ActionType: op.kind === 'set' ? 4 : 3, Name: pascal(op.name), ArgumentInfo: args.info });
  }
  return { AutoKeepReference: false, Actions: actions, ObjectPaths: paths };
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  private queue: Op[] = [];
  /** An undo group was opened by this run (mergeUndoGroup). */
  private grouped = false;

  constructor(
    readonly fx: FakeExcel,
    readonly options: RunOptions = {},
  ) {
    const root = this.path(1, '', null);
    this.workbook = strict(new FakeWorkbook(this, root));
    this.application = strict(new FakeApplication(this, this.path(4, 'application', root)));
  }

  nextId(): number {
    return this.fx.nextWireId();
  }

  path(type: PathInfo['ObjectPathType'], name: string, parent: ObjPath | null, args?: unknown[]): ObjPath {
    const info: PathInfo = { Id: this.nextId(), ObjectPathType: type, Name: type === 1 ? '' : pascal(name) };
    if (parent) info.ParentObjectPathId = parent.info.Id;
    let argPaths: ObjPath[] = [];
    if (args !== undefined || type === 5) {
      const wire = wireArguments(args ?? []);
      info.ArgumentInfo = wire.info;
      argPaths = wire.paths;
    }
    return new ObjPath(info, parent, argPaths);
  }

  enqueue(op: Omit<Op, 'id'>): void {
    this.queue.push({ ...op, id: this.nextId() });
  }

  /** Queues the creation of the object at `path` (a collection's add): its Instantiate action runs `run`. */
  instantiate(path: ObjPath, run: () => void): void {
    this.enqueue({ on: path, kind: 'instantiate', name: 'add', write: true, run });
  }

  async sync(): Promise<void> {
    const fx = this.fx;
    const n = ++fx.syncs;
    const batch = this.queue;
    this.queue = [];
    const bytes = utf8(JSON.stringify(requestBody(batch, () => this.nextId())));
    fx.requestBytes.push(bytes);
    fx.opsPerSync.push(batch.length);
    /** Excel answers with an error and no data: the response counts as 0 bytes. */
    const refuse = (code: string, message: string): never => {
      fx.responseBytes.push(0);
      throw new FakeOfficeError(code, message);
    };
    if (fx.cellEditMode) {
      // https://learn.microsoft.com/javascript/api/excel/excel.runoptions: without delayForCellEdit
      // the batch fails while the user edits a cell; with it, the batch waits for the edit to end.
      if (!this.options.delayForCellEdit) refuse('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode');
      fx.delayedSyncs++;
      fx.cellEditMode = false;
    }
    if (bytes > fx.requestLimitBytes) refuse('RequestPayloadSizeLimitExceeded', `request of ${bytes} bytes`);
    if (fx.failAtSync === n) refuse('InjectedFailure', `sync ${n}`);
    const group = this.options.mergeUndoGroup === true && fx.supports('ExcelApi', '1.20');
    const results: unknown[] = [];
    const commits: (() => void)[] = [];
    let wrote = false;
    try {
      for (const op of batch) {
        if (fx.opsExecuted++ === fx.failAtOp) throw new FakeOfficeError('InjectedFailure', `operation ${fx.failAtOp} (${op.name || op.kind})`);
        // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities:
        // in an undo group an API without undo support throws UndoNotSupported.
        if (group && op.noUndo) throw new FakeOfficeError('UndoNotSupported', `${op.name} cannot be grouped for undo`);
        const out = op.run();
        if (op.write) wrote = true;
        if (op.kind === 'query' && out) {
          results.push({ ActionId: op.id, Value: out.value });
          commits.push(out.commit);
        }
      }
    } catch (e) {
      fx.responseBytes.push(0);
      throw e;
    } finally {
      // Commands before a failure stay applied, and are undoable, like Excel's.
      if (wrote && !(group && this.grouped)) fx.undoRecords++;
      if (wrote && group) this.grouped = true;
    }
    const response = utf8(JSON.stringify({ Results: results }));
    if (response > fx.responseLimitBytes) {
      fx.refusedResponses.push(response);
      refuse('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes`);
    }
    fx.responseBytes.push(response);
    for (const c of commits) c();
    // An object created in this batch is referred to by its reference id from now on.
    for (const op of batch) {
      if (op.kind !== 'instantiate') continue;
      op.on.info = { Id: op.on.info.Id, ObjectPathType: 6, Name: `{${String(op.on.info.Id).padStart(8, '0')}-0000-0000-0000-000000000000}` };
      op.on.parent = null;
      op.on.argPaths = [];
    }
  }
}
