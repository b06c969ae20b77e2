/** The dialog the ribbon command opens to report its outcome (see notify.ts). */
import { translator } from "../taskpane/i18n";
import { whenOfficeReady } from "../taskpane/officeReady";

export function renderNotice(doc: Document, search: string, onClose: () => void): void {
  const params = new URLSearchParams(search);
  const lang = params.get("lang") === "en" ? "en" : "ja";
  const kind = params.get("kind") === "success" ? "success" : "error";
  const t = translator(lang);
  doc.documentElement.lang = lang;
  const main = doc.getElementById("notice");
  const title = doc.getElementById("notice-title");
  const message = doc.getElementById("notice-message");
  const button = doc.getElementById("notice-close");
  if (!main || !title || !message || !button) throw new Error("notice.html is incomplete");
  main.className = kind;
  // textContent, never innerHTML: the message may quote text from the workbook.
  title.textContent = t("notice.title");
  message.textContent = params.get("message") ?? "";
  button.textContent = t("notice.close");
  button.addEventListener("click", onClose);
  button.focus();
}

void whenOfficeReady().then(() => {
  renderNotice(document, window.location.search, () => {
    if (typeof Office !== "undefined" && Office.context?.ui?.messageParent) {
      Office.context.ui.messageParent("close");
    } else window.close();
  });
});
