import type { Signal } from '@preact/signals';

/** Why the choice just made was not saved (storage full), under its control, until a later save works. */
export function ChoiceNotSaved({ message }: { message: Signal<string | null> }) {
  if (!message.value) return null;
  return (
    <p class="note note-error" role="alert" data-testid="choice-not-saved">
      {message.value}
    </p>
  );
}
