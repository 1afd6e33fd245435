import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { observeNetwork } from '@/lib/platform/network-observer';
import { sendRequest } from '@/lib/protocol/requests';

// The privacy ledger: every request this page makes (host, path, bytes, time) goes to the background's record.
observeNetwork('options', (entries) => void sendRequest('ledger/record', { entries }).catch(() => undefined));

document.documentElement.lang = browser.i18n.getUILanguage();
render(<OptionsApp />, document.getElementById('app')!);
