import { readWorkbookSnapshot } from "../excel/readWorkbook";
import type { WorkbookPort } from "./port";

/** The workbook open in Excel, through Office.js. Each call is one Excel.run batch. */
export function createOfficePort(): WorkbookPort {
  return {
    kind: "office",
    async readSnapshot(onProgress) {
      const snapshot = await Excel.run((context) => readWorkbookSnapshot(context, onProgress));
      return { ...snapshot, source: snapshot.source ?? "Excel" };
    },
    async selectCell(sheet, address) {
      await Excel.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(address).select();
        await context.sync();
      });
    },
  };
}
