import { i18n } from '#i18n';
import type { FollowUpTurn } from '@/lib/panel/panel-controller';
import { StreamView } from './StreamView';

/** Questions asked about the summarized page, each with its streamed answer. */
export function FollowUpThread({ turns }: { turns: FollowUpTurn[] }) {
  if (turns.length === 0) return null;
  return (
    <section class="follow-ups" aria-label={i18n.t('panel.followUpLabel')}>
      {turns.map((turn) => (
        <div class="turn">
          <p class="question" data-testid="question">
            {i18n.t('panel.question', [turn.question])}
          </p>
          <StreamView stream={turn.answer} testId="answer" />
        </div>
      ))}
    </section>
  );
}
