/** What a role id of the core's layout view (describeLayouts) is called in the pane. */
import type { LayoutRow } from "../../../core/profile/describe";
import { isMessageKey, yearText } from "../../i18n";
import type { Translate } from "../../i18n";

/** A year role: "2023", "-1" (a year before the evaluation year), or "" when unknown. */
export function yearRoleText(t: Translate, role: string): string {
  if (role === "") return t("layout.yearUnknown");
  const n = Number(role);
  if (!Number.isInteger(n)) return role;
  if (n > 1900) return yearText(t, n);
  return n === 0 ? t("layout.evaluationYear") : t("layout.yearsBefore", { n: -n });
}

/** "generalFund" → "一般財源"; a role the catalogs do not know is shown as it is. */
export function roleText(t: Translate, role: string, kind?: LayoutRow["kind"]): string {
  if (kind === "block" || kind === "year") return yearRoleText(t, role);
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}
