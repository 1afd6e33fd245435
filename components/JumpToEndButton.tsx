import { i18n } from '#i18n';
import { ArrowDown } from 'lucide';
import { Icon } from './ui/Icon';

/** Floats over the panel while a reply is written below where the user scrolled to: back to the end, following it. */
export function JumpToEndButton({ onClick }: { onClick(): void }) {
  return (
    <button type="button" class="jump-to-end" onClick={onClick}>
      <Icon icon={ArrowDown} />
      <span>{i18n.t('panel.jumpToEnd')}</span>
    </button>
  );
}
