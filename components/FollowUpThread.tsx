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
          <StreamView
            text={turn.answer.text.value}
            state={turn.answer.state.value}
            error={turn.answer.error.value}
            testId="answer"
          />
        </div>
      ))}
    </section>
  );
}
