import { createRoot } from "react-dom/client";
import { FluentProvider, teamsDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";
import { App } from "./App";
import { languageFrom } from "./i18n";
import { createOfficePort } from "./officePort";
import { whenOfficeReady } from "./officeReady";
import { makeSelfCheck } from "./selfCheck";
import type { WorkbookPort } from "./port";

/** Dark Fluent theme when Office's theme has a dark background; light otherwise and outside Office. */
function themeFromOffice(): Theme {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background ?? "");
  if (!m) return webLightTheme;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? teamsDarkTheme : webLightTheme;
}

void whenOfficeReady().then((info) => {
  // Outside Office, onReady resolves with host null (or office.js did not load at all): browser
  // mode, where the user opens an .xlsx (exceljs loads only then, as a lazy chunk).
  const inExcel = info.host === "Excel";
  const port: WorkbookPort | null = inExcel ? createOfficePort() : null;
  const lang = languageFrom(inExcel ? Office.context.displayLanguage : navigator.language);
  document.documentElement.lang = lang;

  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  createRoot(container).render(
    <FluentProvider theme={inExcel ? themeFromOffice() : webLightTheme}>
      <App port={port} lang={lang} selfCheck={makeSelfCheck(inExcel)} />
    </FluentProvider>
  );
});
