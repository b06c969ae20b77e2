import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles shared by the pane's panels. */
export const usePaneStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  subheading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
  caption: {
    captionSide: "top",
    textAlign: "start",
    color: tokens.colorNeutralForeground3,
    paddingBottom: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground2, wordBreak: "break-word" },
  number: { textAlign: "end", whiteSpace: "nowrap" },
  nowrap: { whiteSpace: "nowrap" },
  // Long names (a KPI, a sheet) break anywhere rather than widen the narrow pane.
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // Native selects size to their longest option; keep them inside the narrow pane.
  select: { minWidth: 0, maxWidth: "100%" },
  // The column holding a select gets room for its label ("自動判定（政策分野）").
  controlColumn: { width: "48%" },
  findingButton: {
    justifyContent: "flex-start",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
  },
  list: { margin: 0, paddingInlineStart: 0, listStyleType: "none" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  // A windowed list (useWindowRows): the body holds the whole height, each rendered row sits at its top.
  windowBody: { position: "relative" },
  windowRow: { position: "absolute", left: 0, right: 0 },
  // Keyboard focus stays visible on our own focusable elements too.
  focusable: {
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});
