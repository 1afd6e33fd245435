import { i18n } from '#i18n';
import type { FollowUpTurn } from '@/lib/panel/panel-controller';
import { ReplyView } from './ReplyView';

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
          <ReplyView
            text={turn.reply.text.value}
            state={turn.reply.state.value}
            error={turn.reply.error.value}
            testId="answer"
          />
        </div>
      ))}
    </section>
  );
}
