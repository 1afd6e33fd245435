import { i18n } from '#i18n';
import { render } from 'preact';
import { WelcomePage, type Shortcuts } from '@/components/welcome/WelcomePage';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = i18n.t('welcome.title');

// The keys the browser really bound (the user may have changed them, or another extension taken one).
const commands = await browser.commands.getAll();
const shortcuts: Shortcuts = Object.fromEntries(commands.map((command) => [command.name, command.shortcut ?? '']));

render(
  <WelcomePage shortcuts={shortcuts} onOpenOptions={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app')!,
);
