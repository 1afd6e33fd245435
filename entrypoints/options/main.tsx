import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<OptionsApp />, document.getElementById('app')!);
