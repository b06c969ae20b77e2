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
 * Shows `message` in an Office dialog and resolves when the user closes it (or at once when
 * the dialog cannot open — then there is no other way to tell the user).
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
        const close = () => {
          dialog.close();
          resolve();
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
        // The user closed the dialog with its own X button.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      }
    );
  });
}
