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

  // Issue 14: a corrupt or empty file said so twice, with raw English developer text, said
  // 「サマリーを書き込めませんでした」 although nothing was written, and advised saving the workbook.
  async function failedRead(lang: "ja" | "en", error: Error): Promise<string> {
    const port = fakePort("browser");
    renderApp(null, fakeAnalyze(), lang, { openPort: () => port });
    await act(async () => {
      fireEvent.change(screen.getByLabelText(/\.xlsx/), {
        target: { files: [xlsxFile("broken.xlsx")] },
      });
    });
    fireEvent.click(screen.getByRole("button", { name: lang === "ja" ? "スキャン" : "Scan" }));
    await act(async () => port.failRead(error));
    // Said once: in the alert, not again in the status line.
    expect(announcer().textContent).toBe("");
    return screen.getByRole("alert").textContent ?? "";
  }
  const zipError = () => new Error("End of data reached (data length = 4, asked index = 4)");
  const xlsxError = (code: string, message: string) =>
    Object.assign(new Error(message), { name: "XlsxApplyError", code, detail: "" });

  it("a file the reader cannot read: the cause and what to do, in Japanese only", async () => {
    const text = await failedRead("ja", zipError());
    expect(text).toMatch(/^seed\.xlsx を読み取れませんでした/);
    expect(text).toContain("Excel のブックとして読み取れないファイルです");
    expect(text).toContain("「Excel ブック (*.xlsx)」を選んで保存し直して");
    expect(text).not.toContain("End of data");
    expect(text).not.toContain("書き込めませんでした");
    expect(text).not.toContain("ブックを保存してから");
  });

  it("a file the reader cannot read, in English", async () => {
    const text = await failedRead("en", zipError());
    expect(text).toMatch(/^seed\.xlsx could not be read/);
    expect(text).toContain("Save As → Excel Workbook (*.xlsx)");
    expect(text).not.toContain("End of data reached");
    expect(text).not.toContain("written");
  });

  it.each([
    [
      "not-xlsx",
      "The input is not an .xlsx package (zip with a workbook part). It is not a zip file.",
      "Excel のブック（.xlsx）として開けないファイルです（コード: not-xlsx）",
    ],
    [
      "corrupt",
      "The zip package is damaged. It could not be opened as a zip file.",
      "ファイルが壊れているため読み取れません（コード: corrupt）",
    ],
    [
      "damaged-part",
      "A part of the package is damaged. Part xl/workbook.xml: bad",
      "ファイルが壊れているため読み取れません（コード: damaged-part）",
    ],
  ])(
    "a package error on reading (%s) is said by its cause, once, without developer text",
    async (code, message, cause) => {
      const text = await failedRead("ja", xlsxError(code, message));
      expect(text).toContain(cause);
      expect(text.split(cause)).toHaveLength(2);
      expect(text).not.toContain(message.split(".")[0]);
      expect(text).not.toContain("書き込めませんでした");
      expect(text).not.toContain("ブックを保存してから");
    }
  );

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
