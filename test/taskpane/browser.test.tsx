/** @jest-environment jsdom */
import { act, fireEvent, screen } from "@testing-library/react";
import type { BrowserFile } from "../../src/taskpane/browserPort";
import { announcer, fakeAnalyze, fakePort, renderApp } from "./helpers";

function xlsxFile(name: string, bytes = [0x50, 0x4b, 3, 4]): File {
  const file = new File([new Uint8Array(bytes)], name);
  // jsdom's File has no arrayBuffer(); browsers do.
  Object.defineProperty(file, "arrayBuffer", { value: async () => new Uint8Array(bytes).buffer });
  return file;
}

describe("Outside Office (browser mode)", () => {
  it("offers to open an .xlsx, then the same scan on a port over that file", async () => {
    const port = fakePort("browser");
    const openPort = jest.fn((_f: BrowserFile) => port);
    renderApp(null, fakeAnalyze(), "ja", { openPort });
    expect(screen.queryByRole("button", { name: "スキャン" })).toBeNull();
    expect(screen.getByText(/どこにも送信されません/)).toBeTruthy();

    const input = screen.getByLabelText("評価シートの .xlsx ファイル") as HTMLInputElement;
    // The visible button opens the (hidden) file input.
    const click = jest.spyOn(input, "click").mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole("button", { name: "ファイルを開く（.xlsx）" }));
    expect(click).toHaveBeenCalled();

    await act(async () => {
      fireEvent.change(input, { target: { files: [xlsxFile("seed.xlsx")] } });
    });
    expect(openPort).toHaveBeenCalledTimes(1);
    expect(openPort.mock.calls[0][0].name).toBe("seed.xlsx");
    expect(Array.from(openPort.mock.calls[0][0].bytes)).toEqual([0x50, 0x4b, 3, 4]);
    expect(announcer().textContent).toBe("seed.xlsx を開きました。「スキャン」を押してください。");
    expect(screen.getByText("対象: seed.xlsx")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    await act(async () => port.finishRead());
    expect(screen.getByRole("tab", { name: "シート" })).toBeTruthy();
  });

  it("refuses a file that is not .xlsx, in plain words", async () => {
    const openPort = jest.fn();
    renderApp(null, fakeAnalyze(), "ja", { openPort });
    const input = screen.getByLabelText("評価シートの .xlsx ファイル");
    await act(async () => {
      fireEvent.change(input, { target: { files: [xlsxFile("古い評価.xls")] } });
    });
    expect(openPort).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toContain(
      "古い評価.xls は .xlsx ファイルではありません"
    );
  });

  it("a file exceljs cannot read: what happened and what to do", async () => {
    const port = fakePort("browser");
    renderApp(null, fakeAnalyze(), "en", { openPort: () => port });
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Evaluation workbook (.xlsx)"), {
        target: { files: [xlsxFile("broken.xlsx")] },
      });
    });
    fireEvent.click(screen.getByRole("button", { name: "Scan" }));
    await act(async () =>
      port.failRead(new Error("End of data reached (data length = 4, asked index = 4)"))
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("seed.xlsx could not be read as an .xlsx file");
    expect(alert.textContent).toContain("save it as .xlsx");
    expect(alert.textContent).toContain("End of data reached");
  });
});
