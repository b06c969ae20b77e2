/**
 * The zip package under both the reader and the applier: case-insensitive part names (OPC),
 * limits checked from the central directory before anything is inflated and again while a
 * part streams (a zip can lie about sizes), and parts decoded as they inflate.
 */
import JSZip from 'jszip';
import { XlsxApplyError } from './errors';
import { guardTextRuns } from './read/text';
import { crc32, dosDateTime, writeZip, type Deflater, type ZipOutEntry } from './zipWriter';

/** Generous for real workbooks (docs/reliability.md §6); each is refused with one clear line. */
export interface PackageLimits {
  /** Parts in the zip. */
  entries: number;
  /** Sum of the parts' uncompressed sizes, bytes. */
  packageBytes: number;
  /** One part's uncompressed size, bytes. */
  partBytes: number;
  /** One shared or inline string, characters (Excel itself holds at most 32,767 in a cell). */
  stringChars: number;
  /** Non-empty cells read, over all sheets. */
  cells: number;
}

export const LIMITS: PackageLimits = {
  entries: 20_000,
  packageBytes: 1024 * 1024 * 1024,
  partBytes: 256 * 1024 * 1024,
  stringChars: 131_072,
  cells: 2_000_000,
};

const MiB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** What jszip keeps of an entry it loaded (CompressedObject): the bytes as compressed in the file. */
interface ZipEntryData {
  uncompressedSize?: number;
  compressedContent?: Uint8Array;
  crc32?: number;
  compression?: { magic?: string };
}

/** jszip's stream helper (not in its typings): chunks as they inflate. */
interface StreamHelper {
  on(event: 'data', f: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', f: (e: Error) => void): StreamHelper;
  on(event: 'end', f: () => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/** TextDecoder as used here (its type is not global in the CLI's node-only lib). */
interface Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

/** A part's bytes → text: UTF-8 unless a byte-order mark says UTF-16 (both allowed by OPC). */
function decoderFor(head: Uint8Array): Decoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  return new TextDecoder('utf-8', { fatal: true });
}

export class Package {
  private readonly byLower = new Map<string, string>();
  private readonly cache = new Map<string, string>();
  /** Parts written (or rewritten) since opening. */
  private readonly written = new Set<string>();

  private constructor(
    readonly zip: JSZip,
    readonly limits: PackageLimits,
  ) {
    for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) this.byLower.set(name.toLowerCase(), name);
  }

  /** Opens the zip and checks the central directory's sizes against the limits; inflates nothing. */
  static async open(input: Uint8Array, limits: PackageLimits = LIMITS): Promise<Package> {
    let zip: JSZip;
    if (input[0] !== 0x50 || input[1] !== 0x4b) throw new XlsxApplyError('not-xlsx', 'It is not a zip file.');
    try {
      zip = await JSZip.loadAsync(input);
    } catch (e) {
      throw new XlsxApplyError('corrupt', 'It could not be opened as a zip file.', e);
    }
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    if (names.length > limits.entries) throw new XlsxApplyError('too-large', `${names.length} parts (limit ${limits.entries}).`);
    let total = 0;
    for (const n of names) {
      const size = Package.declaredSize(zip, n);
      if (size > limits.partBytes) throw new XlsxApplyError('too-large', `Part ${n} inflates to ${MiB(size)} (limit ${MiB(limits.partBytes)}).`);
      total += size;
    }
    if (total > limits.packageBytes) throw new XlsxApplyError('too-large', `The parts inflate to ${MiB(total)} (limit ${MiB(limits.packageBytes)}).`);
    return new Package(zip, limits);
  }

  private static declaredSize(zip: JSZip, name: string): number {
    const data = (zip.files[name] as unknown as { _data?: ZipEntryData })._data;
    return typeof data?.uncompressedSize === 'number' ? data.uncompressedSize : 0;
  }

  names(): string[] {
    return [...this.byLower.values()];
  }

  realName(path: string): string | undefined {
    return this.byLower.get(path.toLowerCase());
  }

  has(path: string): boolean {
    return this.byLower.has(path.toLowerCase());
  }

  /**
   * Streams a part as text, chunk by chunk as it inflates; stops with 'too-large' past the
   * part limit and with 'corrupt' past the size the zip declared (a lying zip).
   */
  stream(path: string, onText: (text: string) => void): Promise<void> {
    const real = this.byLower.get(path.toLowerCase());
    if (real === undefined) return Promise.reject(new XlsxApplyError('damaged-part', `Part ${path} is missing.`));
    const declared = Package.declaredSize(this.zip, real);
    const limit = declared > 0 ? Math.min(declared, this.limits.partBytes) : this.limits.partBytes;
    return new Promise<void>((resolve, reject) => {
      let seen = 0;
      let decoder: Decoder | undefined;
      let failed = false;
      const helper = (this.zip.file(real) as unknown as { internalStream(t: string): StreamHelper }).internalStream('uint8array');
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        helper.pause();
        reject(e);
      };
      helper
        .on('data', (chunk: Uint8Array) => {
          if (failed) return;
          seen += chunk.length;
          if (seen > limit) {
            fail(
              seen > this.limits.partBytes
                ? new XlsxApplyError('too-large', `Part ${real} inflates past ${MiB(this.limits.partBytes)}.`)
                : new XlsxApplyError('corrupt', `Part ${real} inflates past the size the zip declares.`),
            );
            return;
          }
          try {
            decoder ??= decoderFor(chunk);
            const text = decoder.decode(chunk, { stream: true });
            if (text) onText(text);
          } catch (e) {
            fail(e instanceof XlsxApplyError ? e : new XlsxApplyError('damaged-part', `Part ${real}: ${(e as Error).message}`, e));
          }
        })
        .on('error', (e: Error) => fail(new XlsxApplyError('corrupt', `Part ${real}: ${e.message}`, e)))
        .on('end', () => {
          if (failed) return;
          try {
            const rest = decoder?.decode() ?? '';
            if (rest) onText(rest);
            resolve();
          } catch (e) {
            fail(e instanceof XlsxApplyError ? e : new XlsxApplyError('damaged-part', `Part ${real}: ${(e as Error).message}`, e));
          }
        })
        .resume();
    });
  }

  /**
   * Streams a part into an XML tokenizer and closes it: a part cut short (which the tokenizer
   * only sees at its end) is a damaged part too. A text run past the string limit stops it.
   */
  async parse(path: string, parser: { write(s: string): unknown; close(): unknown }): Promise<void> {
    await this.stream(path, guardTextRuns(this.limits.stringChars, path, (s) => parser.write(s)));
    try {
      parser.close();
    } catch (e) {
      throw e instanceof XlsxApplyError ? e : new XlsxApplyError('damaged-part', `Part ${path}: ${(e as Error).message}`, e);
    }
  }

  /** A whole part as text (for the small parts: workbook, rels, content types, styles). */
  async text(path: string): Promise<string | undefined> {
    const real = this.byLower.get(path.toLowerCase());
    if (real === undefined) return undefined;
    let t = this.cache.get(real);
    if (t === undefined) {
      const pieces: string[] = [];
      await this.stream(real, (s) => pieces.push(s));
      t = pieces.join('').replace(/^\uFEFF/, '');
      this.cache.set(real, t);
    }
    return t;
  }

  /** A part's raw bytes (for the small binary parts: custom property values). */
  async bytes(path: string): Promise<Uint8Array | undefined> {
    const real = this.byLower.get(path.toLowerCase());
    if (real === undefined) return undefined;
    if (Package.declaredSize(this.zip, real) > this.limits.partBytes) throw new XlsxApplyError('too-large', `Part ${real}.`);
    try {
      return await this.zip.file(real)!.async('uint8array');
    } catch (e) {
      throw new XlsxApplyError('corrupt', `Part ${real}: ${(e as Error).message}`, e);
    }
  }

  write(path: string, text: string): void {
    const real = this.byLower.get(path.toLowerCase()) ?? path;
    this.byLower.set(path.toLowerCase(), real);
    this.cache.set(real, text);
    this.written.add(real);
    this.zip.file(real, text);
  }

  remove(path: string): void {
    const real = this.byLower.get(path.toLowerCase());
    if (real === undefined) return;
    this.byLower.delete(path.toLowerCase());
    this.cache.delete(real);
    this.written.delete(real);
    this.zip.remove(real);
  }

  /**
   * The package as zip bytes. With a native deflate, untouched parts keep their compressed bytes
   * and only written parts are compressed (and dated 1980-01-01: the same input and plan give the
   * same file); without one, jszip writes the zip.
   */
  async toBytes(deflater?: Deflater): Promise<Uint8Array> {
    if (!deflater) return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
    const enc = new TextEncoder();
    const entries: ZipOutEntry[] = [];
    const fixed = { dosDate: (0 << 9) | (1 << 5) | 1, dosTime: 0 };
    const packNew = async (name: string, bytes: Uint8Array, when = fixed) =>
      entries.push({ name, method: 8, crc: deflater.crc32 ? deflater.crc32(bytes) : crc32(bytes), size: bytes.length, packed: deflater.deflateRaw(bytes), ...when });
    for (const name of Object.keys(this.zip.files)) {
      const file = this.zip.files[name];
      if (file.dir) continue;
      if (this.written.has(name)) {
        await packNew(name, enc.encode(this.cache.get(name) ?? ''));
        continue;
      }
      const data = (file as unknown as { _data?: ZipEntryData })._data;
      const magic = data?.compression?.magic;
      const when = dosDateTime(file.date);
      if (data?.compressedContent && typeof data.crc32 === 'number' && typeof data.uncompressedSize === 'number' && (magic === '\x08\x00' || magic === '\x00\x00')) {
        entries.push({ name, method: magic === '\x08\x00' ? 8 : 0, crc: data.crc32 >>> 0, size: data.uncompressedSize, packed: data.compressedContent, ...when });
      } else await packNew(name, await file.async('uint8array'), when);
    }
    return writeZip(entries);
  }

  /** Highest N among parts named <folder><stem>N.xml (case-insensitive). */
  maxNumber(folder: string, stem: string): number {
    const prefix = `${folder}${stem}`.toLowerCase();
    let max = 0;
    for (const n of this.byLower.keys()) {
      if (!n.startsWith(prefix) || !n.endsWith('.xml')) continue;
      const digits = n.slice(prefix.length, -4);
      if (/^\d+$/.test(digits)) max = Math.max(max, Number(digits));
    }
    return max;
  }
}
