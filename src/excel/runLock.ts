/**
 * One build at a time per workbook. The task pane and the ribbon command run in different
 * JavaScript runtimes, so the lock lives in the workbook: a custom document property (ExcelApi
 * 1.7) holding who builds and since when. A build checks it in its first sync and refuses while
 * another build's lock is fresh, takes it with its first write, refreshes it with every write
 * batch and releases it in its last batch (or in a finally). A lock not refreshed for
 * LOCK_STALE_MS — a crashed run — no longer counts.
 *
 * The check and the take are a round trip apart, so two builds started within that round trip
 * can both pass it; then the second one's first write fails on the temporary sheet names the
 * first one already holds, and it undoes only the sheets carrying its own run token.
 */

/** The workbook custom property that holds the lock. */
export const LOCK_PROPERTY = 'hyoka.build';
/** A function command's runtime is closed after about 5 minutes; a lock older than that is an orphan. */
export const LOCK_STALE_MS = 5 * 60 * 1000;

export type BuildOrigin = 'pane' | 'ribbon';

interface LockValue {
  token: string;
  at: number;
  by: BuildOrigin;
}

/** Another build holds the workbook: nothing was changed. */
export class BuildLockedError extends Error {
  constructor(
    /** When the other build last wrote. */
    readonly since: Date,
    /** Where the other build was started. */
    readonly by: BuildOrigin | 'unknown',
  ) {
    super(`Another Hyōka build (${by}) has been running since ${since.toISOString()}.`);
    this.name = 'BuildLockedError';
  }
}

/** A token unique enough to tell two runs apart (two runtimes, possibly two machines). */
export function newRunToken(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

function parse(raw: unknown): LockValue | null {
  if (typeof raw !== 'string') return null;
  try {
    const v = JSON.parse(raw) as Partial<LockValue>;
    return typeof v.token === 'string' && typeof v.at === 'number' ? { token: v.token, at: v.at, by: v.by === 'ribbon' ? 'ribbon' : 'pane' } : null;
  } catch {
    return null;
  }
}

export class RunLock {
  readonly token: string;
  private seen: Excel.CustomProperty | null = null;
  private taken = false;
  private released = false;

  constructor(
    readonly by: BuildOrigin,
    private readonly now: () => number = Date.now,
    token: string = newRunToken(),
  ) {
    this.token = token;
  }

  /** Taken and not known to be released: a finally must release it. */
  get held(): boolean {
    return this.taken && !this.released;
  }

  /** Queues reading the lock (with the first sync). */
  queueCheck(context: Excel.RequestContext): void {
    this.seen = context.workbook.properties.custom.getItemOrNullObject(LOCK_PROPERTY);
    this.seen.load('value');
  }

  /** After that sync: throws BuildLockedError while another build's lock is fresh. */
  assertFree(): void {
    if (!this.seen || this.seen.isNullObject) return;
    const v = parse(this.seen.value);
    if (v && v.token !== this.token && this.now() - v.at < LOCK_STALE_MS) throw new BuildLockedError(new Date(v.at), v.by);
  }

  /** Queues taking (or refreshing) the lock: with each write batch. */
  queueTake(context: Excel.RequestContext): void {
    const value: LockValue = { token: this.token, at: this.now(), by: this.by };
    context.workbook.properties.custom.add(LOCK_PROPERTY, JSON.stringify(value));
    this.taken = true;
    this.released = false;
  }

  /** Queues the release (with the last batch); again after a failed batch that carried it. */
  queueRelease(context: Excel.RequestContext): void {
    if (!this.taken) return;
    const custom = context.workbook.properties.custom;
    // Written first so that getItem cannot fail, whoever touched the property meanwhile.
    custom.add(LOCK_PROPERTY, '');
    custom.getItem(LOCK_PROPERTY).delete();
  }

  /** The batch carrying the release succeeded. */
  releasedWith(): void {
    this.released = true;
  }
}
