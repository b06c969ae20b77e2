/**
 * What every fake Office.js object shares: an object path (as Office.js puts it on the wire),
 * strictness (touching an unimplemented member throws), and load-before-read.
 */
import type { FakeContext } from './context';
import type { FakeExcel } from './excel';

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/**
 * An object path as Office.js serialises it (ObjectPathType 1 global object, 3 method,
 * 4 property, 5 indexer): every request carries the paths of the objects its actions touch.
 */
export interface PathInfo {
  Id: number;
  /** 6: a reference id, what an object created in an earlier batch becomes. */
  ObjectPathType: 1 | 3 | 4 | 5 | 6;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
}

export class ObjPath {
  constructor(
    public info: PathInfo,
    public parent: ObjPath | null,
    /** Paths of fake objects passed as arguments (a chart's source range). */
    public argPaths: ObjPath[] = [],
  ) {}
}

/** Office.js names members in PascalCase on the wire ("Values", "GetUsedRangeOrNullObject"). */
export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Arguments as Office.js sends them: a fake object becomes null in Arguments and its path id
 * goes in ReferencedObjectPathIds.
 */
export function wireArguments(args: unknown[]): { info: NonNullable<PathInfo['ArgumentInfo']>; paths: ObjPath[] } {
  const paths: ObjPath[] = [];
  const refs: (number | null)[] = [];
  const plain = args.map((a) => {
    if (a instanceof FakeObject) {
      paths.push(a.path);
      refs.push(a.path.info.Id);
      return null;
    }
    refs.push(null);
    return a;
  });
  return { info: paths.length ? { Arguments: plain, ReferencedObjectPathIds: refs } : { Arguments: plain }, paths };
}

/** What a queued call does when its batch runs; a query returns what the response carries. */
export interface Op {
  on: ObjPath;
  /** instantiate: an object-creating method with an effect (add); set: a property; method: a void call; query: a load. */
  kind: 'instantiate' | 'set' | 'method' | 'query';
  name: string;
  args?: unknown[];
  select?: string[];
  /** True for changes (they make an undo record); loads and selections are not. */
  write: boolean;
  /** Excel's undo cannot group it (worksheet delete, rename, visibility): see the fake's mergeUndoGroup. */
  noUndo?: boolean;
  run: () => QueryResult | void;
  /** Action id, assigned when queued. */
  id: number;
}

export interface QueryResult {
  /** The Value the response carries for this action. */
  value: unknown;
  /** Makes the loaded properties readable once the whole batch succeeded. */
  commit: () => void;
}

const PASS_THROUGH = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', 'constructor', 'inspect']);

/** Any member this fake does not implement throws, on read or write. */
export function strict<T extends object>(o: T): T {
  return new Proxy(o, {
    get(target, p, receiver) {
      if (typeof p === 'string' && !(p in target) && !PASS_THROUGH.has(p) && !p.startsWith('@@')) {
        throw new FakeOfficeError('NotImplemented', `${target.constructor.name}.${p} is not implemented by the fake`);
      }
      return Reflect.get(target, p, receiver);
    },
    set(target, p, value, receiver) {
      if (typeof p === 'string' && !(p in target)) throw new FakeOfficeError('NotImplemented', `${target.constructor.name}.${p} cannot be set on the fake`);
      if (!Reflect.set(target, p, value, receiver)) throw new FakeOfficeError('NotImplemented', `${target.constructor.name}.${String(p)} is read-only`);
      return true;
    },
  });
}

/** A proxy object of the fake: bound to the context that made it, with its object path. */
export abstract class FakeObject {
  constructor(
    readonly ctx: FakeContext,
    readonly path: ObjPath,
  ) {}
  get fx(): FakeExcel {
    return this.ctx.fx;
  }
  /** Queues a property set on this object. */
  protected set(name: string, value: unknown, run: () => void, noUndo = false): void {
    this.ctx.enqueue({ on: this.path, kind: 'set', name, args: [value], write: true, noUndo, run });
  }
  /** Queues a void method call on this object. */
  protected call(name: string, args: unknown[], run: () => void, write = true, noUndo = false): void {
    this.ctx.enqueue({ on: this.path, kind: 'method', name, args, write, noUndo, run });
  }
  /** A child object reached through a property ("format", "font"). */
  protected prop(name: string): ObjPath {
    return this.ctx.path(4, name, this.path);
  }
  /** A child object returned by a method ("getRange", "add"). */
  protected method(name: string, args: unknown[] = []): ObjPath {
    return this.ctx.path(3, name, this.path, args);
  }
}

/** Load specs: "a,b", ["a","b"], "items/name,items/id". */
export function propList(spec: string | string[] | undefined): string[] {
  if (spec === undefined) throw new FakeOfficeError('NotImplemented', 'load() without property names: name what you read');
  return (Array.isArray(spec) ? spec : spec.split(',')).map((s) => s.trim()).filter(Boolean);
}

/** An object whose properties are read only after load() and a successful sync. */
export abstract class Loadable extends FakeObject {
  protected loaded = new Map<string, unknown>();
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError('PropertyNotLoaded', `${this.constructor.name}.${prop} was read before load('${prop}') and context.sync()`);
    }
    return this.loaded.get(prop) as T;
  }
  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }
  /** What the response carried for this object (as an item of a loaded collection). */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries([...this.loaded].filter(([k]) => k !== 'isNullObject').map(([k, v]) => [pascal(k), v]));
  }
  preload(values: Record<string, unknown>): void {
    this.loaded.set('isNullObject', false);
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }
  /** The property values a load reads now (null when the object is a null object). */
  protected abstract capture(props: string[]): Record<string, unknown> | null;
  load(spec?: string | string[]): this {
    const props = propList(spec);
    this.ctx.enqueue({
      on: this.path,
      kind: 'query',
      name: '',
      select: props,
      write: false,
      run: () => {
        const data = this.capture(props);
        const value =
          data === null
            ? { _IsNull: true }
            : Object.fromEntries(Object.entries(data).map(([k, v]) => (k === 'items' ? ['_Items', v] : [pascal(k), v])));
        return {
          value,
          commit: () => {
            this.loaded.set('isNullObject', data === null);
            if (data) for (const [k, v] of Object.entries(data)) this.loaded.set(k, v);
          },
        };
      },
    });
    return this;
  }
}
