import { Select } from "@fluentui/react-components";
import type { SelectProps } from "@fluentui/react-components";
import { usePaneStyles } from "./styles";

export interface TitledSelectProps<T extends string> {
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  "aria-label"?: string;
  size?: SelectProps["size"];
}

/**
 * A native select that fits the narrow pane: it shrinks with its column and, as a long choice
 * (「自動判定（事務事業の一覧表（1行1事業））」) is then cut, shows the whole of it as a tooltip.
 */
export function TitledSelect<T extends string>({
  value,
  options,
  onChange,
  size,
  ...aria
}: TitledSelectProps<T>) {
  const styles = usePaneStyles();
  const label = options.find((o) => o.value === value)?.label;
  return (
    <Select
      size={size}
      className={styles.select}
      title={label}
      aria-label={aria["aria-label"]}
      value={value}
      onChange={(_, d) => onChange(d.value as T)}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}
