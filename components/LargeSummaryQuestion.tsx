import { i18n } from '#i18n';
import { ListCollapse } from 'lucide';
import type { TaskQuestion } from '@/lib/protocol/messages';
import type { TaskStream } from '@/lib/panel/task-stream';
import { formatDuration } from './format';
import { Button } from './ui/Button';
import { Icon } from './ui/Icon';

/** Before a very long summary: its size, the time all parts and the first parts take here, and the choice. */
export function LargeSummaryQuestion({ stream, question }: { stream: TaskStream; question: TaskQuestion }) {
  const { parts, words, firstParts, secondsAll, secondsFirst } = question;
  const time =
    secondsAll === undefined || secondsFirst === undefined
      ? i18n.t('panel.largeTimeUnknown')
      : i18n.t('panel.largeTime', [formatDuration(secondsAll), formatDuration(secondsFirst), String(firstParts)]);
  return (
    <div class="question-box" role="group" aria-labelledby="large-summary-title" data-testid="large-summary">
      <p class="question-title" id="large-summary-title">
        <Icon icon={ListCollapse} />
        {i18n.t('panel.largeTitle', [String(parts)])}
      </p>
      <p>{i18n.t('panel.largeSize', [words.toLocaleString(), String(parts)])}</p>
      <p>{time}</p>
      <div class="card-actions">
        <Button variant="primary" onClick={() => stream.answer({ kind: 'large-summary', parts: firstParts })}>
          {i18n.t('panel.largeFirst', [String(firstParts)])}
        </Button>
        <Button onClick={() => stream.answer({ kind: 'large-summary', parts: 'all' })}>
          {i18n.t('panel.largeAll')}
        </Button>
      </div>
    </div>
  );
}
