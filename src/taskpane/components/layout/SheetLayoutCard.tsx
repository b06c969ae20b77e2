import { useId } from "react";
import {
  Button,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import type { LayoutRow, SheetLayoutView } from "../../../core/profile/describe";
import { kindKey, yearText } from "../../i18n";
import type { Translate } from "../../i18n";
import { AutoSelect } from "../AutoSelect";
import { usePaneStyles } from "../styles";
import { roleText, yearRoleText } from "./roleText";

export interface SheetLayoutCardProps {
  view: SheetLayoutView;
  /** Fiscal years a year row may be set to (the workbook's years and their neighbours). */
  years: number[];
  /** A row's new role (or year as text; "" = from the sheet); `context` names the row. */
  onEdit: (row: LayoutRow, value: string, context: string) => void;
  /** Teach the sheet again (custom sheets only). */
  onTeach?: () => void;
  /** The teach button's id (focus returns to it when teach mode ends). */
  teachId?: string;
  t: Translate;
}

/** One sheet as it was read: its family and the rows of what was read as what, editable in place. */
export function SheetLayoutCard(props: SheetLayoutCardProps) {
  const { view, years, onEdit, onTeach, teachId, t } = props;
  const styles = usePaneStyles();
  const headingId = useId();
  const family = view.family === "ignore" ? t("layout.ignored") : t(kindKey(view.family));
  const rows = withContext(view.rows);
  const read = rows.filter((r) => r.row.role !== "ignore");
  const notRead = rows.filter((r) => r.row.role === "ignore");
  const tableProps = { sheet: view.sheet, years, onEdit, t };
  return (
    <div className={styles.card} role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.subheading}>
        {view.sheet}
      </h3>
      <Text size={200} className={styles.muted}>
        {t("layout.family", { family, n: view.entry + 1 })}
      </Text>
      {view.rows.length === 0 && <Text>{t("layout.noRows")}</Text>}
      {read.length > 0 && (
        <RowTable caption={t("layout.rowsCaption")} rows={read} {...tableProps} />
      )}
      {notRead.length > 0 && (
        // Rows read as nothing (labels, stray values) stay out of the way until wanted.
        <details>
          <summary className={styles.muted}>
            {t("layout.notRead", { count: notRead.length })}
          </summary>
          <RowTable caption={t("layout.notReadCaption")} rows={notRead} {...tableProps} />
        </details>
      )}
      {onTeach && (
        <div>
          <Button id={teachId} size="small" onClick={onTeach}>
            {t("layout.reteach", { sheet: view.sheet })}
          </Button>
        </div>
      )}
    </div>
  );
}

/** A row with the block it belongs to ("2020年度決算"): a block's money rows repeat their labels. */
interface RowInContext {
  row: LayoutRow;
  context: string;
}

function withContext(rows: LayoutRow[]): RowInContext[] {
  let block = "";
  return rows.map((row) => {
    if (row.kind === "block") block = row.label;
    const inBlock = row.kind === "money" && row.id.startsWith("block:");
    return { row, context: inBlock ? `${block} ${row.label}` : row.label || "—" };
  });
}

interface RowTableProps {
  caption: string;
  rows: RowInContext[];
  sheet: string;
  years: number[];
  onEdit: SheetLayoutCardProps["onEdit"];
  t: Translate;
}

function RowTable({ caption, rows, sheet, years, onEdit, t }: RowTableProps) {
  const styles = usePaneStyles();
  return (
    <Table size="extra-small">
      <caption className={styles.caption}>{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("layout.col.label")}</TableHeaderCell>
          <TableHeaderCell className={styles.controlColumn}>{t("layout.col.role")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(({ row, context }) => (
          <TableRow key={row.id}>
            <TableCell className={styles.muted}>
              {row.kind === "block" ? <strong>{row.label || "—"}</strong> : row.label || "—"}
            </TableCell>
            <TableCell className={styles.controlColumn}>
              <RowEditor
                row={row}
                label={t("layout.roleLabel", { sheet, label: context })}
                years={years}
                onEdit={(value) => onEdit(row, value, context)}
                t={t}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

interface RowEditorProps {
  row: LayoutRow;
  /** The control's accessible name. */
  label: string;
  years: number[];
  onEdit: (value: string) => void;
  t: Translate;
}

/** A role select where the row may take others; a year select for years; else the role as text. */
function RowEditor({ row, label, years, onEdit, t }: RowEditorProps) {
  const styles = usePaneStyles();
  if (row.kind === "year") {
    // The form's evaluation year: automatic (from the sheet's title) or pinned by the user.
    const pinned = row.label === "" ? undefined : Number(row.label);
    return (
      <AutoSelect
        size="small"
        aria-label={label}
        value={pinned}
        autoLabel={t("layout.yearAuto", { year: yearRoleText(t, row.role) })}
        options={withYear(years, pinned).map((y) => ({ value: y, label: yearText(t, y) }))}
        onChange={(y) => onEdit(y === undefined ? "" : String(y))}
      />
    );
  }
  // A year block of a flat table: its year, or (first option) the relative year it is read as now.
  const block = row.kind === "block";
  const current = Number(row.role);
  const options = block
    ? [
        ...(current > 1900 ? [] : [{ value: row.role, label: yearRoleText(t, row.role) }]),
        ...withYear(years, current > 1900 ? current : undefined).map((y) => ({
          value: String(y),
          label: yearText(t, y),
        })),
      ]
    : row.choices.map((c) => ({ value: c, label: roleText(t, c, row.kind) }));
  if (!block && !row.choices.includes(row.role))
    return <Text>{roleText(t, row.role, row.kind)}</Text>;
  return (
    <Select
      size="small"
      className={styles.select}
      aria-label={label}
      value={row.role}
      onChange={(_, d) => onEdit(d.value)}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}

const withYear = (years: number[], year: number | undefined): number[] =>
  year === undefined || years.includes(year) ? years : [...years, year].sort((a, b) => a - b);
