interface Props<T extends string> {
  label: string;
  values: readonly T[];
  value: T;
  labelOf(value: T): string;
  onChange(value: T): void;
}

/** A labelled select over a fixed list of option values (summary type, reply tone, length). */
export function OptionSelect<T extends string>({ label, values, value, labelOf, onChange }: Props<T>) {
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value as T)}>
        {values.map((option) => (
          <option value={option}>{labelOf(option)}</option>
        ))}
      </select>
    </label>
  );
}
