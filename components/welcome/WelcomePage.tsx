import { i18n } from '#i18n';
import type { CommandName } from '@/lib/platform/shortcuts';

/** Each command's bound key by command name (empty when it has none). */
export type Shortcuts = Record<string, string>;

/** The page `npm start` opens: what Tacit does, how to use each journey, and what stays private. */
export function WelcomePage({ shortcuts, onOpenOptions }: { shortcuts: Shortcuts; onOpenOptions(): void }) {
  const key = (command: CommandName) => shortcuts[command] || i18n.t('welcome.shortcutMissing');
  return (
    <main class="welcome">
      <header>
        <h1>{i18n.t('welcome.title')}</h1>
        <p class="lead">{i18n.t('welcome.intro')}</p>
      </header>

      <section aria-labelledby="journeys">
        <h2 id="journeys">{i18n.t('welcome.journeysHeading')}</h2>
        <div class="journeys">
          <Journey
            heading={i18n.t('welcome.summarizeHeading')}
            text={i18n.t('welcome.summarizeHow', [key('summarize-page')])}
          />
          <Journey
            heading={i18n.t('welcome.rewriteHeading')}
            text={i18n.t('welcome.rewriteHow', [key('rewrite-selection')])}
          />
          <Journey heading={i18n.t('welcome.replyHeading')} text={i18n.t('welcome.replyHow', [key('draft-reply')])} />
        </div>
      </section>

      <section aria-labelledby="first-run">
        <h2 id="first-run">{i18n.t('welcome.firstRunHeading')}</h2>
        <p>{i18n.t('welcome.firstRun')}</p>
        <button type="button" onClick={onOpenOptions}>
          {i18n.t('welcome.openOptions')}
        </button>
      </section>

      <section aria-labelledby="privacy">
        <h2 id="privacy">{i18n.t('welcome.privacyHeading')}</h2>
        <ul class="privacy">
          <li>{i18n.t('welcome.privacyDevice')}</li>
          <li>{i18n.t('welcome.privacyAccess')}</li>
          <li>{i18n.t('welcome.privacyNetwork')}</li>
        </ul>
      </section>
    </main>
  );
}

function Journey({ heading, text }: { heading: string; text: string }) {
  return (
    <article class="journey">
      <h3>{heading}</h3>
      <p>{text}</p>
    </article>
  );
}
