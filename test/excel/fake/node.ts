/** Small fake objects described by a table of setters, methods and children (formats, chart parts). */
import { FakeObject, FakeOfficeError, strict, type ObjPath } from './base';
import type { FakeContext } from './context';

export interface NodeSpec {
  /** Settable properties: what setting one does when its batch runs. */
  set?: Record<string, (value: never) => void>;
  /** Void methods: what a call does when its batch runs. */
  call?: Record<string, (...args: never[]) => void>;
  /** Child objects reached through a property ("font", "fill"), made on first use. */
  child?: Record<string, (path: ObjPath) => object>;
  /** Members that build their own objects (series.getItemAt). */
  own?: Record<string, unknown>;
}

class FakeNode extends FakeObject {
  constructor(
    ctx: FakeContext,
    path: ObjPath,
    readonly label: string,
  ) {
    super(ctx, path);
  }
}

export function fakeNode(ctx: FakeContext, path: ObjPath, label: string, spec: NodeSpec): object {
  const node = new FakeNode(ctx, path, label);
  for (const [name, run] of Object.entries(spec.set ?? {})) {
    Object.defineProperty(node, name, {
      get() {
        throw new FakeOfficeError('PropertyNotLoaded', `${label}.${name} was not loaded`);
      },
      set(value: unknown) {
        ctx.enqueue({ on: path, kind: 'set', name, args: [value], write: true, run: () => run(value as never) });
      },
      enumerable: true,
    });
  }
  for (const [name, run] of Object.entries(spec.call ?? {})) {
    Object.defineProperty(node, name, {
      value: (...args: unknown[]) => ctx.enqueue({ on: path, kind: 'method', name, args, write: true, run: () => run(...(args as never[])) }),
      enumerable: true,
    });
  }
  for (const [name, make] of Object.entries(spec.child ?? {})) {
    let made: object | undefined;
    Object.defineProperty(node, name, {
      get: () => (made ??= make(ctx.path(4, name, path))),
      enumerable: true,
    });
  }
  for (const [name, value] of Object.entries(spec.own ?? {})) Object.defineProperty(node, name, { value, enumerable: true });
  return strict(node);
}
