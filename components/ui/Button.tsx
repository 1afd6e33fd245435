import type { ComponentChildren } from 'preact';
import type { IconNode } from 'lucide';
import { Icon } from './Icon';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

interface Props {
  variant?: ButtonVariant;
  icon?: IconNode;
  type?: 'button' | 'submit';
  disabled?: boolean;
  onClick?: () => void;
  /** A short explanation shown on hover, and why the button is disabled where that is not said beside it. */
  title?: string;
  testId?: string;
  children: ComponentChildren;
}

/** The one button of the design system: primary (one per view), secondary, quiet (in a row of actions) or danger. */
export function Button({
  variant = 'secondary',
  icon,
  type = 'button',
  disabled,
  onClick,
  title,
  testId,
  children,
}: Props) {
  return (
    <button
      type={type}
      class={`btn btn-${variant}`}
      disabled={disabled}
      onClick={onClick}
      title={title}
      data-testid={testId}
    >
      {icon ? <Icon icon={icon} /> : null}
      <span>{children}</span>
    </button>
  );
}

/** A button that is only an icon, named for screen readers and on hover (close, dismiss). */
export function IconButton({
  icon,
  label,
  onClick,
  testId,
}: {
  icon: IconNode;
  label: string;
  onClick(): void;
  testId?: string;
}) {
  return (
    <button type="button" class="icon-btn" aria-label={label} title={label} onClick={onClick} data-testid={testId}>
      <Icon icon={icon} size={18} />
    </button>
  );
}
