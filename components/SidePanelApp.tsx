import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { PanelStatus } from '@/lib/messaging/protocol';
import { sendRequest } from '@/lib/messaging/requests';
import { ReplySession } from '@/lib/panel/reply-session';
import { AskForm } from './AskForm';
import { ReplyActions } from './ReplyActions';
import { ReplyView } from './ReplyView';
import { StatusLine } from './StatusLine';

export function SidePanelApp() {
  const status = useSignal<PanelStatus | null>(null);
  const refreshStatus = () =>
    void sendRequest('panel/status')
      .then((value) => (status.value = value))
      .catch(() => undefined);
  const session = useMemo(() => new ReplySession(undefined, refreshStatus), []);

  useEffect(() => {
    refreshStatus();
    return () => session.dispose();
  }, []);

  return (
    <main class="panel">
      <header>
        <h1>{i18n.t('panel.title')}</h1>
        <StatusLine status={status.value} phase={session.phase.value} />
      </header>
      <AskForm running={session.running.value} onAsk={(prompt) => session.start({ kind: 'ask', prompt })} />
      <ReplyView text={session.text.value} state={session.state.value} error={session.error.value} />
      <ReplyActions running={session.running.value} text={session.text.value} onStop={() => session.stop()} />
    </main>
  );
}
