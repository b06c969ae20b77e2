import { Select } from "@fluentui/react-components";
import { usePaneStyles } from "./styles";

const AUTO = "auto";

export interface AutoSelectProps<T extends string | number> {
  /** The user's choice, or undefined for "automatic" (what Hyōka found on its own). */
  value: T | undefined;
  /** Text of the automatic option, e.g. "自動判定（政策分野）". */
  autoLabel: string;
  options: { value: T; label: string }[];
  onChange: (value: T | undefined) => void;
  "aria-label"?: string;
  size?: "small" | "medium";
}

/** A select whose first option is "automatic": the pane's sheet kinds, evaluation years and directions. */
export function AutoSelect<T extends string | number>({
  value,
  autoLabel,
  options,
  onChange,
  size,
  ...aria
}: AutoSelectProps<T>) {
  const styles = usePaneStyles();
  return (
    <Select
      size={size}
      className={styles.select}
      aria-label={aria["aria-label"]}
      value={value === undefined ? AUTO : String(value)}
      onChange={(_, d) =>
        onChange(
          d.value === AUTO ? undefined : options.find((o) => String(o.value) === d.value)?.value
        )
      }
    >
      <option value={AUTO}>{autoLabel}</option>
      {options.map((o) => (
        <option key={String(o.value)} value={String(o.value)}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}
