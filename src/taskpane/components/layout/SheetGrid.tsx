import { useEffect, useId, useRef } from "react";
import type { KeyboardEvent } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { colName, toA1 } from "../../../core/a1";
import type { Grid } from "../../../core/grid";
import type { MessageKey, Translate } from "../../i18n";
import { usePaneStyles } from "../styles";
import { TEACH_ROLES, contains, roleAt, spanOf } from "./marks";
import type { Box, CellPos, TeachMark, TeachRole } from "./marks";

/** The part of the sheet the grid shows: its used cells, up to a size a pane can hold. */
export interface GridWindow extends Box {
  clipped: boolean;
}

export const MAX_GRID_ROWS = 200;
export const MAX_GRID_COLS = 26;

export function gridWindow(grid: Grid): GridWindow {
  const cells = grid.cells();
  if (!cells.length) return { r0: 0, c0: 0, r1: 0, c1: 0, clipped: false };
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = 0;
  let c1 = 0;
  for (const c of cells) {
    r0 = Math.min(r0, c.row);
    c0 = Math.min(c0, c.col);
    r1 = Math.max(r1, c.row);
    c1 = Math.max(c1, c.col);
  }
  const rEnd = Math.min(r1, r0 + MAX_GRID_ROWS - 1);
  const cEnd = Math.min(c1, c0 + MAX_GRID_COLS - 1);
  return { r0, c0, r1: rEnd, c1: cEnd, clipped: rEnd < r1 || cEnd < c1 };
}

/** A marked cell's colour by role (with its symbol and name: never colour alone). */
export const useRoleStyles = makeStyles({
  years: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  names: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  units: { backgroundColor: tokens.colorPaletteLavenderBackground2 },
  targets: { backgroundColor: tokens.colorPaletteMarigoldBackground2 },
  actuals: { backgroundColor: tokens.colorPalettePinkBackground2 },
  combined: { backgroundColor: tokens.colorPaletteTealBackground2 },
});

const useStyles = makeStyles({
  scroller: {
    // Positioned, so the cells' visually hidden role names stay inside its scroll area.
    position: "relative",
    maxWidth: "100%",
    maxHeight: "320px",
    overflow: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  grid: {
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  header: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "end",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  corner: { left: 0, zIndex: 2 },
  cell: {
    minWidth: "2.5em",
    // Narrow enough that a four-column table fits the pane; the full text is in the title.
    maxWidth: "6em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    padding: `1px ${tokens.spacingHorizontalXS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    cursor: "cell",
    userSelect: "none",
  },
  selected: {
    boxShadow: `inset 0 0 0 100vmax ${tokens.colorBrandBackground2}`,
  },
  active: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
  },
  keys: { margin: 0, fontSize: tokens.fontSizeBase200 },
  symbol: {
    display: "inline-block",
    minWidth: "1.2em",
    marginInlineEnd: "2px",
    paddingInline: "2px",
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "center",
  },
});

/** The mark's symbol and name, e.g. 目 / 目標値. */
export const symbolKey = (role: TeachRole): MessageKey => `teach.symbol.${role}`;
export const roleKey = (role: TeachRole): MessageKey => `teach.role.${role}`;

/** A mark's symbol in its role's colour (decorative: the role's name is said in words beside it). */
export function RoleSymbol({ role, t }: { role: TeachRole; t: Translate }) {
  const styles = useStyles();
  const roleStyles = useRoleStyles();
  return (
    <span aria-hidden="true" className={mergeClasses(styles.symbol, roleStyles[role])}>
      {t(symbolKey(role))}
    </span>
  );
}

export interface SheetGridProps {
  grid: Grid;
  window: GridWindow;
  marks: TeachMark[];
  anchor: CellPos;
  active: CellPos;
  onSelect: (anchor: CellPos, active: CellPos) => void;
  /** Enter: assign the chosen role to the selection. */
  onAssign: () => void;
  /** Delete: remove the marks under the selection. */
  onUnassign: () => void;
  /** 1–6: choose that role. */
  onRole: (role: TeachRole) => void;
  label: string;
  t: Translate;
}

const PAGE = 10;

/**
 * A read-only preview of a sheet to mark cells on: one tab stop (aria-activedescendant follows
 * the active cell), arrows move, Shift+arrows and Shift+click extend, drag selects. Cell text is
 * rendered as text, never as markup.
 */
export function SheetGrid(props: SheetGridProps) {
  const {
    grid,
    window: win,
    marks,
    anchor,
    active,
    onSelect,
    onAssign,
    onUnassign,
    onRole,
  } = props;
  const { label, t } = props;
  const styles = useStyles();
  const roleStyles = useRoleStyles();
  const pane = usePaneStyles();
  const prefix = useId();
  const keysId = useId();
  const table = useRef<HTMLTableElement>(null);
  const dragging = useRef(false);
  const cellId = (r: number, c: number) => `${prefix}-r${r}c${c}`;
  const selection = spanOf(anchor, active);

  useEffect(() => {
    const stop = () => (dragging.current = false);
    window.addEventListener("mouseup", stop);
    return () => window.removeEventListener("mouseup", stop);
  }, []);

  // Keep the active cell in view while the grid has focus (never scroll the page on mount).
  useEffect(() => {
    if (typeof document === "undefined" || document.activeElement !== table.current) return;
    document
      .getElementById(cellId(active.row, active.col))
      ?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [active.row, active.col]);

  const clamp = (row: number, col: number): CellPos => ({
    row: Math.min(win.r1, Math.max(win.r0, row)),
    col: Math.min(win.c1, Math.max(win.c0, col)),
  });

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const go = (row: number, col: number) => {
      const next = clamp(row, col);
      onSelect(e.shiftKey ? anchor : next, next);
    };
    const { row, col } = active;
    switch (e.key) {
      case "ArrowUp":
        go(row - 1, col);
        break;
      case "ArrowDown":
        go(row + 1, col);
        break;
      case "ArrowLeft":
        go(row, col - 1);
        break;
      case "ArrowRight":
        go(row, col + 1);
        break;
      case "Home":
        go(e.ctrlKey ? win.r0 : row, win.c0);
        break;
      case "End":
        go(e.ctrlKey ? win.r1 : row, win.c1);
        break;
      case "PageUp":
        go(row - PAGE, col);
        break;
      case "PageDown":
        go(row + PAGE, col);
        break;
      case "Enter":
        onAssign();
        break;
      case "Delete":
      case "Backspace":
        onUnassign();
        break;
      case "Escape":
        onSelect(active, active);
        break;
      default: {
        const n = Number(e.key);
        if (e.ctrlKey || e.altKey || e.metaKey || !(n >= 1 && n <= TEACH_ROLES.length)) return;
        onRole(TEACH_ROLES[n - 1]);
      }
    }
    e.preventDefault();
  };

  const press = (row: number, col: number, shift: boolean) => {
    table.current?.focus({ preventScroll: true });
    dragging.current = true;
    const p = { row, col };
    onSelect(shift ? anchor : p, p);
  };

  const rows: number[] = [];
  for (let r = win.r0; r <= win.r1; r++) rows.push(r);
  const cols: number[] = [];
  for (let c = win.c0; c <= win.c1; c++) cols.push(c);

  return (
    <>
      <div className={styles.scroller}>
        <table
          ref={table}
          role="grid"
          tabIndex={0}
          aria-label={label}
          aria-describedby={keysId}
          aria-multiselectable="true"
          aria-readonly="true"
          aria-activedescendant={cellId(active.row, active.col)}
          className={styles.grid}
          onKeyDown={onKeyDown}
        >
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.header, styles.corner)}>
                <span className={pane.visuallyHidden}>{t("teach.rowHeader")}</span>
              </th>
              {cols.map((c) => (
                <th key={c} scope="col" className={styles.header}>
                  {colName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th scope="row" className={styles.rowHeader}>
                  {r + 1}
                </th>
                {cols.map((c) => {
                  const text = grid.at(r, c)?.text ?? "";
                  const role = roleAt(marks, r, c);
                  const isActive = r === active.row && c === active.col;
                  const isSelected = contains(selection, r, c);
                  return (
                    <td
                      key={c}
                      id={cellId(r, c)}
                      role="gridcell"
                      data-cell={toA1(r, c)}
                      aria-selected={isSelected}
                      title={text || undefined}
                      className={mergeClasses(
                        styles.cell,
                        role ? roleStyles[role] : undefined,
                        isSelected && styles.selected,
                        isActive && styles.active
                      )}
                      onMouseDown={(e) => {
                        e.preventDefault();
                        press(r, c, e.shiftKey);
                      }}
                      onMouseEnter={() => {
                        if (dragging.current) onSelect(anchor, { row: r, col: c });
                      }}
                    >
                      {role && (
                        <>
                          <RoleSymbol role={role} t={t} />
                          <span className={pane.visuallyHidden}>{t(roleKey(role))}: </span>
                        </>
                      )}
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={keysId} className={mergeClasses(pane.muted, styles.keys)}>
        {t("teach.gridKeys")}
        {win.clipped && ` ${t("teach.gridClipped", { rows: MAX_GRID_ROWS, cols: MAX_GRID_COLS })}`}
      </p>
    </>
  );
}
