import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
} from "@fluentui/react-components";
import type { WorkbookSnapshot } from "../../../core";
import { Grid } from "../../../core/grid";
import { teachEntry } from "../../../core/profile/teach";
import type { SheetProfile } from "../../../core/profile/types";
import { describeError } from "../../errors";
import type { Lang, Translate } from "../../i18n";
import type { CellSelection } from "../../port";
import { usePaneStyles } from "../styles";
import { TEACH_ROLES, assign, boxA1, parseBox, spanOf, withoutBox } from "./marks";
import type { Box, CellPos, TeachMark, TeachRole } from "./marks";
import { previewIndicators } from "./preview";
import { RoleSymbol, SheetGrid, gridWindow, roleKey } from "./SheetGrid";
import { TeachOptions, DEFAULT_CHOICES, teachOptions } from "./TeachOptions";
import type { TeachChoices } from "./TeachOptions";
import { TeachPreview } from "./TeachPreview";

export interface TeachModeProps {
  snapshot: WorkbookSnapshot;
  sheet: string;
  lang: Lang;
  t: Translate;
  /** Excel's selection (inside Excel only): marks cells selected on the sheet itself. */
  readSelection?: () => Promise<CellSelection>;
  /** The entry the marks make, and how many indicators it reads. */
  onAccept: (entry: SheetProfile, indicators: number) => void;
  onCancel: () => void;
  announce: (note: string) => void;
}

/**
 * Teach mode for one sheet: mark cells with roles (on the grid, or from Excel's selection), say
 * whose indicators they are, see what they read, accept. Nothing is saved until accepted.
 */
export function TeachMode(props: TeachModeProps) {
  const { snapshot, sheet, lang, t, readSelection, onAccept, onCancel, announce } = props;
  const styles = usePaneStyles();
  const source = snapshot.sheets.find((s) => s.name === sheet);
  const grid = useMemo(() => new Grid(source ?? { name: sheet, cells: [] }), [source, sheet]);
  const win = useMemo(() => gridWindow(grid), [grid]);
  const start = { row: win.r0, col: win.c0 };
  const [selection, setSelection] = useState<{ anchor: CellPos; active: CellPos }>({
    anchor: start,
    active: start,
  });
  const [marks, setMarks] = useState<TeachMark[]>([]);
  const [role, setRole] = useState<TeachRole>("years");
  const [choices, setChoices] = useState<TeachChoices>(DEFAULT_CHOICES);
  const [excelNote, setExcelNote] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Entering teach mode moves focus to its heading, so keyboard and screen-reader users land here.
  useEffect(() => heading.current?.focus(), []);

  const options = useMemo(() => teachOptions(choices), [choices]);
  const taught = useMemo(
    () => (marks.length ? teachEntry(snapshot, sheet, marks, options) : null),
    [snapshot, sheet, marks, options]
  );
  const indicators = useMemo(
    () => (taught?.entry ? previewIndicators(snapshot, sheet, taught.entry, lang) : []),
    [snapshot, sheet, taught, lang]
  );

  const box = spanOf(selection.anchor, selection.active);
  const roleName = (r: TeachRole) => t(roleKey(r));

  const mark = (boxes: Box[], r: TeachRole = role) => {
    setMarks((m) => boxes.reduce((acc, b) => assign(acc, r, b), m));
    announce(t("teach.assigned", { range: boxes.map(boxA1).join(", "), role: roleName(r) }));
  };

  const unmark = () => {
    setMarks((m) => withoutBox(m, box));
    announce(t("teach.unassigned", { range: boxA1(box) }));
  };

  const fromExcel = async () => {
    if (!readSelection) return;
    setExcelNote(null);
    try {
      const picked = await readSelection();
      if (picked.sheet !== sheet) {
        setExcelNote(t("teach.otherSheet", { other: picked.sheet, sheet }));
        return;
      }
      const boxes = picked.ranges.map(parseBox);
      const bad = picked.ranges.filter((_, i) => !boxes[i]);
      if (bad.length || !boxes.length) {
        setExcelNote(t("teach.badRange", { range: bad.join(", ") || "—" }));
        return;
      }
      mark(boxes as Box[]);
    } catch (e) {
      setExcelNote(describeError(e, t));
    }
  };

  const ready = !!taught?.entry && options.ownerName !== "" && indicators.length > 0;
  const ordered = TEACH_ROLES.flatMap((r) => marks.filter((m) => m.role === r));

  return (
    <section className={styles.section} aria-labelledby="hyoka-teach">
      <h2 id="hyoka-teach" ref={heading} tabIndex={-1} className={styles.heading}>
        {t("teach.heading", { sheet })}
      </h2>
      <Text>{t("teach.hint")}</Text>
      {readSelection && <Text>{t("teach.hintExcel")}</Text>}
      <Field label={t("teach.roleLabel")}>
        <Select
          className={styles.select}
          value={role}
          onChange={(_, d) => setRole(d.value as TeachRole)}
        >
          {TEACH_ROLES.map((r, i) => (
            <option key={r} value={r}>
              {`${i + 1}. ${roleName(r)}`}
            </option>
          ))}
        </Select>
      </Field>
      <SheetGrid
        grid={grid}
        window={win}
        marks={marks}
        anchor={selection.anchor}
        active={selection.active}
        onSelect={(anchor, active) => setSelection({ anchor, active })}
        onAssign={() => mark([box])}
        onUnassign={unmark}
        onRole={(r) => {
          setRole(r);
          announce(roleName(r));
        }}
        label={t("teach.gridLabel", { sheet })}
        t={t}
      />
      <div className={styles.row}>
        <Button onClick={() => mark([box])}>
          {t("teach.assign", { range: boxA1(box), role: roleName(role) })}
        </Button>
        {readSelection && <Button onClick={() => void fromExcel()}>{t("teach.fromExcel")}</Button>}
      </div>
      {excelNote && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{excelNote}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.card} role="group" aria-labelledby="hyoka-teach-marks">
        <h3 id="hyoka-teach-marks" className={styles.subheading}>
          {t("teach.marksHeading")}
        </h3>
        {ordered.length === 0 ? (
          <Text>{t("teach.marksNone")}</Text>
        ) : (
          <ul className={styles.list}>
            {ordered.map((m) => (
              <li key={`${m.role}:${m.range}`} className={styles.row}>
                <Text>
                  <RoleSymbol role={m.role} t={t} /> {roleName(m.role)}: {m.range}
                </Text>
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={t("teach.remove", { role: roleName(m.role), range: m.range })}
                  onClick={() => {
                    setMarks((all) => all.filter((x) => x !== m));
                    announce(t("teach.unassigned", { range: m.range }));
                  }}
                >
                  {t("teach.removeShort")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>

      <TeachOptions choices={choices} onChange={setChoices} t={t} />
      <TeachPreview
        empty={marks.length === 0}
        problems={taught?.problems ?? []}
        indicators={indicators}
        lang={lang}
        t={t}
      />
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabledFocusable={!ready}
          onClick={() => taught?.entry && onAccept(taught.entry, indicators.length)}
        >
          {t("teach.accept")}
        </Button>
        <Button onClick={onCancel}>{t("teach.cancel")}</Button>
      </div>
    </section>
  );
}
