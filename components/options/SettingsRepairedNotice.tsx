import { i18n } from '#i18n';
import { settingsRepairs, type SettingName } from '@/lib/settings/checked-item';
import { useStorageItem } from '../use-storage-item';

const SETTING_LABEL: Record<SettingName, () => string> = {
  engineIdleMs: () => i18n.t('settingName.engineIdleMs'),
  modelMirrorUrl: () => i18n.t('settingName.modelMirrorUrl'),
  lastRewriteStyle: () => i18n.t('settingName.lastRewriteStyle'),
  lastCustomInstruction: () => i18n.t('settingName.lastCustomInstruction'),
  taskModels: () => i18n.t('settingName.taskModels'),
  customModels: () => i18n.t('settingName.customModels'),
  gpuBudgetMB: () => i18n.t('settingName.gpuBudgetMB'),
  ramBudgetMB: () => i18n.t('settingName.ramBudgetMB'),
  taskEngines: () => i18n.t('settingName.taskEngines'),
  summaryOptions: () => i18n.t('settingName.summaryOptions'),
  draftOptions: () => i18n.t('settingName.draftOptions'),
};

/** Says once which stored settings failed their checks and were reset, until the user dismisses it. */
export function SettingsRepairedNotice() {
  const repaired = useStorageItem(settingsRepairs, []);
  const names = Array.isArray(repaired.value) ? repaired.value.filter((name) => name in SETTING_LABEL) : [];
  if (names.length === 0) return null;
  return (
    <section class="notice" role="alert" data-testid="settings-repaired">
      <h2>{i18n.t('options.repairedHeading')}</h2>
      <p>{i18n.t('options.repairedText', [names.map((name) => SETTING_LABEL[name]()).join(', ')])}</p>
      <button type="button" onClick={() => void settingsRepairs.setValue([])}>
        {i18n.t('options.repairedDismiss')}
      </button>
    </section>
  );
}
