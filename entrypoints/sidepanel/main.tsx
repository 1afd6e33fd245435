import { render } from 'preact';
import { SidePanelApp } from '@/components/SidePanelApp';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<SidePanelApp />, document.getElementById('app')!);
