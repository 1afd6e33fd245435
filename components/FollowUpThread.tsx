import { i18n } from '#i18n';
import { MessageCircleQuestionMark } from 'lucide';
import type { FollowUpTurn, PanelController } from '@/lib/panel/panel-controller';
import type { TaskStream } from '@/lib/panel/task-stream';
import { CopyButton } from './CopyButton';
import { StreamActions } from './StreamActions';
import { StreamView } from './StreamView';
import { TaskProgress } from './TaskProgress';
import { Card } from './ui/Card';

/** Questions asked about the summarized page, each answer a card of its own with Copy. */
export function FollowUpThread({ panel }: { panel: PanelController }) {
  const turns = panel.turns.value;
  if (turns.length === 0) return null;
  return (
    <section class="cards" aria-label={i18n.t('panel.followUpLabel')}>
      {turns.map((turn: FollowUpTurn) => (
        <AnswerCard
          stream={turn.answer}
          question={turn.question}
          testId="answer"
          onDismiss={() => panel.dismissTurn(turn)}
        />
      ))}
    </section>
  );
}

/** A question and its streamed answer, with Stop while it is written and Copy after. */
export function AnswerCard({
  stream,
  question,
  testId,
  onDismiss,
  onUseLightModel,
}: {
  stream: TaskStream;
  question: string;
  testId: string;
  onDismiss(): void;
  onUseLightModel?: () => void;
}) {
  return (
    <Card
      icon={MessageCircleQuestionMark}
      title={i18n.t('panel.answerTitle')}
      subject={
        <span class="question" data-testid="question">
          {i18n.t('panel.question', [question])}
        </span>
      }
      onDismiss={onDismiss}
      busy={stream.running.value}
      testId={`${testId}-card`}
    >
      <TaskProgress stream={stream} />
      <StreamView stream={stream} testId={testId} onUseLightModel={onUseLightModel} />
      <StreamActions stream={stream}>
        <CopyButton label={i18n.t('panel.copy')} text={() => stream.text.peek()} disabled={!stream.copyable.value} />
      </StreamActions>
    </Card>
  );
}
