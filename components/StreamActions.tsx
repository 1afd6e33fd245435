import { i18n } from '#i18n';
import type { ComponentChildren } from 'preact';
import { Square } from 'lucide';
import type { TaskStream } from '@/lib/panel/task-stream';
import { Button } from './ui/Button';
import { CardActions } from './ui/Card';

/** A card's actions: Stop while its task runs, right where the text is being written; its own actions after. */
export function StreamActions({ stream, children }: { stream: TaskStream; children: ComponentChildren }) {
  return (
    <CardActions>
      {stream.running.value ? (
        <Button icon={Square} onClick={() => stream.stop()}>
          {i18n.t('panel.stop')}
        </Button>
      ) : (
        children
      )}
    </CardActions>
  );
}
