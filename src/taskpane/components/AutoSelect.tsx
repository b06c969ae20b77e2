import { TitledSelect } from "./TitledSelect";

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
  ...rest
}: AutoSelectProps<T>) {
  return (
    <TitledSelect
      {...rest}
      value={value === undefined ? AUTO : String(value)}
      options={[
        { value: AUTO, label: autoLabel },
        ...options.map((o) => ({ value: String(o.value), label: o.label })),
      ]}
      onChange={(v) =>
        onChange(v === AUTO ? undefined : options.find((o) => String(o.value) === v)?.value)
      }
    />
  );
}
