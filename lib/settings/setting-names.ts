/** The stored settings by name, as diagnostics and the Options notice name them. Pure. */
export const SETTING_NAMES = [
  'engineIdleMs',
  'modelMirrorUrl',
  'lastRewriteStyle',
  'lastCustomInstruction',
  'taskModels',
  'customModels',
  'gpuBudgetMB',
  'ramBudgetMB',
  'taskEngines',
  'summaryOptions',
  'draftOptions',
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];
