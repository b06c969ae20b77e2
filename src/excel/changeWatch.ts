/**
 * Has the workbook changed since the pane read it? Told by the worksheet collection's events
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events): onChanged and
 * onFormatChanged (ExcelApi 1.9), onAdded / onDeleted (1.7), onCalculated (1.8) for formula
 * results, onNameChanged / onVisibilityChanged (1.17) where the host has them. Without 1.9, or when
 * registering fails, there is no watch and every build reads the workbook again. Events arrive
 * asynchronously, and a host with events turned off (context.runtime.enableEvents) sends none.
 */
import { isSetSupported, runBatch, type ExcelRun } from './run';

export interface ChangeWatch {
  /** True once anything changed since the last `reset()`. */
  readonly changed: boolean;
  /** Called when a read starts: what it reads is the new reference. */
  reset(): void;
}

type Handler = () => Promise<void>;
type EventLike = { add(handler: Handler): unknown };

export async function watchWorkbookChanges(run?: ExcelRun, supports: (version: string) => boolean = (v) => isSetSupported('ExcelApi', v)): Promise<ChangeWatch | null> {
  if (!supports('1.9')) return null;
  let changed = false;
  const mark: Handler = async () => {
    changed = true;
  };
  try {
    await runBatch(
      async (context) => {
        const sheets = context.workbook.worksheets as unknown as Record<string, EventLike>;
        const events = ['onChanged', 'onFormatChanged', 'onAdded', 'onDeleted', 'onCalculated'];
        if (supports('1.17')) events.push('onNameChanged', 'onVisibilityChanged');
        for (const name of events) sheets[name].add(mark);
        await context.sync();
      },
      { run },
    );
  } catch {
    return null;
  }
  return {
    get changed() {
      return changed;
    },
    reset() {
      changed = false;
    },
  };
}
