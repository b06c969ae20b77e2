import type { Lang } from "../taskpane/i18n";

export type NoticeKind = "success" | "error";

/** The notice page's URL: the message travels in the query and is shown as text, never as HTML. */
export function noticeUrl(base: string, lang: Lang, kind: NoticeKind, message: string): string {
  const url = new URL("notice.html", base);
  url.searchParams.set("lang", lang);
  url.searchParams.set("kind", kind);
  url.searchParams.set("message", message);
  return url.href;
}

/**
 * Opens `message` in an Office dialog and resolves once it is open — or at once when it cannot
 * open (then the message goes to the console; the outcome is also saved in the document). The
 * dialog needs nothing more from the command: its Close button asks the command's runtime to
 * close it while that runtime lives, and the dialog's own X closes it always.
 */
export function showNotice(lang: Lang, kind: NoticeKind, message: string): Promise<void> {
  const url = noticeUrl(window.location.href, lang, kind, message);
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(
      url,
      { height: 30, width: 30, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          console.error(`Hyōka could not open its notice (${result.error.code}): ${message}`);
          resolve();
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
        resolve();
      }
    );
  });
}
