import { i18n } from '#i18n';
import type { PanelView } from '@/lib/panel/panel-controller';

const VIEWS: ReadonlyArray<{ view: PanelView; label: () => string }> = [
  { view: 'page', label: () => i18n.t('panel.viewPage') },
  { view: 'reply', label: () => i18n.t('panel.viewReply') },
];

export const viewTabId = (view: PanelView) => `view-tab-${view}`;
export const VIEW_PANEL_ID = 'view-panel';

/** "This page" and "Reply to email" as ARIA tabs: one tab stop, arrow keys move between them. */
export function ViewTabs({ current, onSelect }: { current: PanelView; onSelect(view: PanelView): void }) {
  const move = (step: number) => {
    const index = VIEWS.findIndex((entry) => entry.view === current);
    const next = VIEWS[(index + step + VIEWS.length) % VIEWS.length]!.view;
    onSelect(next);
    document.getElementById(viewTabId(next))?.focus();
  };
  return (
    <nav class="views" role="tablist" aria-label={i18n.t('panel.views')}>
      {VIEWS.map(({ view, label }) => (
        <button
          type="button"
          role="tab"
          id={viewTabId(view)}
          aria-selected={view === current}
          aria-controls={VIEW_PANEL_ID}
          tabIndex={view === current ? 0 : -1}
          onClick={() => onSelect(view)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
              event.preventDefault();
              move(event.key === 'ArrowRight' ? 1 : -1);
            }
          }}
        >
          {label()}
        </button>
      ))}
    </nav>
  );
}
