interface Props {
  /** 0..1; undefined for work whose length is not known (an animated bar). */
  value?: number;
  label: string;
}

/** A thin bar: determinate with a value, otherwise moving, for "writing" and "waiting". */
export function ProgressBar({ value, label }: Props) {
  const known = value !== undefined && Number.isFinite(value);
  const percent = known ? Math.round(Math.min(1, Math.max(0, value)) * 100) : undefined;
  return (
    <div
      class={known ? 'progress' : 'progress progress-indeterminate'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={known ? 0 : undefined}
      aria-valuemax={known ? 100 : undefined}
      aria-valuenow={percent}
    >
      <div class="progress-fill" style={known ? { width: `${percent}%` } : undefined} />
    </div>
  );
}
