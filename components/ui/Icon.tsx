import { h } from 'preact';
import type { IconNode } from 'lucide';

interface Props {
  /** An icon from the `lucide` package (bundled at build time, nothing is loaded remotely). */
  icon: IconNode;
  size?: number;
  /** A name for screen readers when the icon stands alone; decorative icons have none. */
  label?: string;
}

/** One Lucide icon as inline SVG, drawn in the current text colour. */
export function Icon({ icon, size = 16, label }: Props) {
  return (
    <svg
      class="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width={2}
      stroke-linecap="round"
      stroke-linejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
      focusable="false"
    >
      {icon.map(([tag, attrs]) => h(tag, attrs))}
    </svg>
  );
}
