import type { TaskStream } from '@/lib/panel/task-stream';
import { StreamView } from './StreamView';

interface Props {
  stream: TaskStream;
  /** Names the text for tests: "summary", "answer", "ask-answer"; its notes add "-stopped" and "-error". */
  testId: string;
  label?: string;
  onUseLightModel?: () => void;
}

/** The one component that reads a stream's text: cards around it do not re-render per token. */
export function StreamText({ stream, testId, label, onUseLightModel }: Props) {
  return (
    <StreamView
      text={stream.text.value}
      state={stream.state.value}
      error={stream.error.value}
      testId={testId}
      label={label}
      onUseLightModel={onUseLightModel}
    />
  );
}
