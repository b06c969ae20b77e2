/** Errors across the worker boundary: sent as data, rebuilt as the classes the pane words (errors.ts). */
import { HyokaError } from "../../core/errors";
import type { HyokaErrorCode } from "../../core/errors";
import type { WireError } from "./protocol";

export function toWire(e: unknown): WireError {
  if (!(e instanceof Error)) return { name: "Error", message: String(e) };
  const { code, detail } = e as { code?: unknown; detail?: unknown };
  return {
    name: e.name,
    message: e.message,
    ...(typeof code === "string" ? { code } : {}),
    ...(typeof detail === "string" ? { detail } : {}),
  };
}

/** The same kind of error as was thrown: a HyokaError again, others an Error with their name, code and detail. */
export function fromWire(w: WireError): Error {
  if (w.name === "HyokaError" && w.code !== undefined) {
    return new HyokaError(w.code as HyokaErrorCode, w.detail ?? "");
  }
  const e = Object.assign(new Error(w.message), {
    ...(w.code !== undefined ? { code: w.code } : {}),
    ...(w.detail !== undefined ? { detail: w.detail } : {}),
  });
  e.name = w.name;
  return e;
}
