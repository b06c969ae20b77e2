/**
 * The CLI's files: what an input is (by content, never by its name), where an output really
 * lands (through a symbolic link, to its target), and writing every output or none.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compoundFileKind } from '../core/cfb';
import { HyokaError, sniffFile } from '../core/errors';
import type { WorkbookSnapshot } from '../core/snapshot';
import { XlsxApplyError } from '../xlsx/errors';
import { readXlsxSnapshot } from '../xlsx/readXlsx';

/** Reads a workbook file into a snapshot; a file it cannot read is one HyokaError, classified. */
export async function readWorkbookFile(file: string): Promise<{ bytes: Uint8Array; snapshot: WorkbookSnapshot }> {
  const bytes = readInputFile(file);
  try {
    // Summary sheets Hyōka wrote on an earlier run are recognised by the ownership rule and not read as sources.
    return { bytes, snapshot: await readXlsxSnapshot(bytes, { source: path.basename(file) }) };
  } catch (e) {
    if (e instanceof XlsxApplyError) throw userError(e, file);
    throw new HyokaError('file-corrupt', file, e);
  }
}

export function readInputFile(file: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new HyokaError('file-not-found', file, e);
    if (code === 'EISDIR') throw new HyokaError('file-not-xlsx', file, e);
    throw new HyokaError('file-unreadable', file, e);
  }
  const kind = sniffFile(bytes);
  if (kind === 'empty') throw new HyokaError('file-empty', file);
  if (kind === 'cfb') {
    const inside = compoundFileKind(bytes);
    throw new HyokaError(inside === 'encrypted' ? 'file-encrypted' : inside === 'xls' ? 'file-xls' : 'file-not-xlsx', file);
  }
  if (kind !== 'zip') throw new HyokaError('file-not-xlsx', file);
  return bytes;
}

/** src/xlsx's classification of a package problem → the line the user reads. */
export function userError(e: XlsxApplyError, file: string): HyokaError {
  switch (e.code) {
    case 'not-xlsx':
      return new HyokaError('file-not-xlsx', file, e);
    case 'strict':
      return new HyokaError('file-strict', file, e);
    case 'binary':
      return new HyokaError('file-binary', file, e);
    case 'too-large':
      return new HyokaError('file-too-large', `${file} — ${e.detail}`, e);
    case 'protected':
      return new HyokaError('protected', file, e);
    case 'damaged-part':
      return new HyokaError('file-corrupt', `${file} (${e.detail})`, e);
    case 'invalid-plan':
      return new HyokaError('internal', e.message, e);
    default:
      return new HyokaError('file-corrupt', file, e);
  }
}

export interface OutputTarget {
  /** The path as the user gave it. */
  given: string;
  /** Where the bytes land: the link's target when `given` is a symbolic link. */
  real: string;
  /** The existing file's mode, kept by the new file. */
  mode?: number;
}

/** Checks an output path before anything is written: its folder exists, it is no folder, it is not read-only. */
export function prepareOutput(given: string): OutputTarget {
  const abs = path.resolve(given);
  let real = abs;
  try {
    if (fs.lstatSync(abs).isSymbolicLink()) real = fs.realpathSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new HyokaError('output-unwritable', given, e);
    // A dangling link or a new file: the folder it lands in must exist.
    try {
      real = path.resolve(path.dirname(abs), fs.readlinkSync(abs));
    } catch {
      real = abs;
    }
  }
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(real);
  } catch {
    st = undefined;
  }
  if (st?.isDirectory()) throw new HyokaError('output-is-dir', given);
  if (!st) {
    const dir = path.dirname(real);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new HyokaError('output-dir-missing', dir);
    return { given, real };
  }
  // Mode bits, not access(): run as root, access() says yes to a 0444 file.
  if ((st.mode & 0o222) === 0) throw new HyokaError('output-readonly', given);
  return { given, real, mode: st.mode & 0o7777 };
}

/** True when both paths name the same file (through links too). */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * Writes every output or none: each goes to a temporary file beside its target first (same
 * folder, so the rename is atomic), keeps the mode of the file it replaces, and only when all
 * are written are they renamed into place. On failure every temporary file is removed.
 */
export function writeAll(outputs: { target: OutputTarget; data: Uint8Array | string }[]): void {
  const tmps: string[] = [];
  try {
    for (const { target, data } of outputs) {
      const tmp = path.join(path.dirname(target.real), `.${path.basename(target.real)}.${process.pid}.hyoka-tmp`);
      tmps.push(tmp);
      fs.writeFileSync(tmp, data);
      if (target.mode !== undefined) fs.chmodSync(tmp, target.mode);
    }
    outputs.forEach(({ target }, i) => fs.renameSync(tmps[i], target.real));
  } catch (e) {
    for (const t of tmps) fs.rmSync(t, { force: true });
    throw new HyokaError('output-unwritable', outputs.map((o) => o.target.given).join(', '), e);
  }
}
