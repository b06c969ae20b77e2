/** @jest-environment jsdom */
import { act, fireEvent, screen } from "@testing-library/react";
import type { BrowserFile } from "../../src/taskpane/browserPort";
import type { BuildOutcome } from "../../src/taskpane/port";
import { announcer, fakeAnalyze, fakePort, openTab, renderApp, settle } from "./helpers";

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
    await settle();
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

  // Issue 14: switching to another file while a build ran ended with the Build tab offering the
  // previous file's summary under the new file's name.
  it("one run at a time: a build disables Open and Scan with the reason; another file drops its result", async () => {
    const first = fakePort("browser");
    const second = { ...fakePort("browser"), name: "next.xlsx" };
    const ports = [first, second];
    renderApp(null, fakeAnalyze(), "ja", { openPort: () => ports.shift()! });
    const input = screen.getByLabelText("評価シートの .xlsx ファイル");
    await act(async () => {
      fireEvent.change(input, { target: { files: [xlsxFile("seed.xlsx")] } });
    });
    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    await act(async () => first.finishRead());
    await settle();
    openTab("サマリー作成");
    let release!: (o: BuildOutcome) => void;
    (first.buildSummary as jest.Mock).mockImplementationOnce(
      () => new Promise<BuildOutcome>((resolve) => (release = resolve))
    );
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "サマリーを作成" }));
    });
    for (const name of ["ファイルを開く（.xlsx）", "もう一度スキャン"]) {
      const button = screen.getByRole("button", { name }) as HTMLButtonElement;
      expect(button.disabled).toBe(true);
      expect(button.getAttribute("aria-describedby")).toBe("hyoka-busy");
    }
    expect(document.getElementById("hyoka-busy")?.textContent).toContain("サマリーを作成中です");

    // The file input itself (a drop, a script) still switches files: the old build is dropped.
    await act(async () => {
      fireEvent.change(input, { target: { files: [xlsxFile("next.xlsx")] } });
    });
    fireEvent.click(screen.getByRole("button", { name: "スキャン" }));
    await act(async () => second.finishRead());
    await settle();
    openTab("サマリー作成");
    await act(async () =>
      release({
        sheetNames: { evaluation: "評価サマリー" },
        renamed: [],
        download: { fileName: "seed-summary.xlsx", url: "blob:http://127.0.0.1/old" },
      })
    );
    expect(screen.getByText("対象: next.xlsx")).toBeTruthy();
    expect(screen.queryByRole("link", { name: /seed-summary/ })).toBeNull();
    expect(screen.queryByText(/サマリーシートを作成しました/)).toBeNull();
    expect(
      (screen.getByRole("button", { name: "サマリーを作成" }) as HTMLButtonElement).disabled
    ).toBe(false);
  });
});
