import { i18n } from '#i18n';
import type { ComponentChildren } from 'preact';
import type { IconNode } from 'lucide';
import { X } from 'lucide';
import { Icon } from './Icon';
import { IconButton } from './Button';

interface Props {
  icon: IconNode;
  /** What the card is: "Summary", "Answer", "Shorter". */
  title: string;
  /** What it is about: the page title, the question, the selection's page. */
  subject?: ComponentChildren;
  onDismiss?: () => void;
  testId?: string;
  /** Marks a running card, for the accent on its edge. */
  busy?: boolean;
  children: ComponentChildren;
}

/** One task's output as a card: what it is and what it is about, its body, and a way to dismiss it. */
export function Card({ icon, title, subject, onDismiss, testId, busy, children }: Props) {
  return (
    <article class={busy ? 'card card-busy' : 'card'} aria-label={title} aria-busy={busy} data-testid={testId}>
      <header class="card-head">
        <span class="card-icon">
          <Icon icon={icon} size={18} />
        </span>
        <div class="card-heading">
          <h2>{title}</h2>
          {subject ? <div class="card-subject">{subject}</div> : null}
        </div>
        {onDismiss ? (
          <IconButton icon={X} label={i18n.t('panel.dismiss')} onClick={onDismiss} testId="dismiss" />
        ) : null}
      </header>
      {children}
    </article>
  );
}

/** A row of actions at the bottom of a card. */
export function CardActions({ children, label }: { children: ComponentChildren; label?: string }) {
  return (
    <div class="card-actions" role={label ? 'group' : undefined} aria-label={label}>
      {children}
    </div>
  );
}

/** A note inside a card: informational, a warning (partial text), or an error, with its icon. */
export function Note({
  tone,
  icon,
  testId,
  errorCode,
  children,
}: {
  tone: 'info' | 'warning' | 'error' | 'success';
  icon: IconNode;
  testId?: string;
  errorCode?: string;
  children: ComponentChildren;
}) {
  const alert = tone === 'error' || tone === 'warning';
  return (
    <div class={`note note-${tone}`} role={alert ? 'alert' : 'status'}>
      <Icon icon={icon} />
      <p data-testid={testId} data-error-code={errorCode}>
        {children}
      </p>
    </div>
  );
}
