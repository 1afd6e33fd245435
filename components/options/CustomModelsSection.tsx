import { i18n } from '#i18n';
import type { AnyModelRecord } from '@/lib/models/types';
import { useSignal } from '@preact/signals';
import {
  validateCustomRecord,
  type CustomRecordField,
  type CustomRecordIssue,
  type PlainCustomRecordIssueCode,
} from '@/lib/models/custom-records';
import { registeredModels } from '@/lib/models/registry';
import { extensionPagesCsp } from '@/lib/platform/csp';
import { customModels } from '@/lib/settings/settings';
import { Plus, Trash } from 'lucide';
import { Button } from '../ui/Button';
import { ModelFit } from './ModelFit';
import { MAX_CUSTOM_MODELS } from '@/lib/settings/stored-values';
import { storageErrorText } from './storage-error-text';

const FIELD_LABEL: Record<CustomRecordField, () => string> = {
  record: () => i18n.t('options.customHeading'),
  model_id: () => i18n.t('options.fieldModelId'),
  model: () => i18n.t('options.fieldModel'),
  model_lib: () => i18n.t('options.fieldModelLib'),
  vram_required_MB: () => i18n.t('options.fieldVram'),
  ram_required_MB: () => i18n.t('options.fieldRam'),
  context_window_size: () => i18n.t('options.fieldContext'),
  required_features: () => i18n.t('options.fieldF16'),
};

const PLAIN_ISSUE_TEXT: Record<PlainCustomRecordIssueCode, () => string> = {
  'not-an-object': () => i18n.t('issue.notAnObject'),
  missing: () => i18n.t('issue.missing'),
  'not-a-string': () => i18n.t('issue.notAString'),
  'bad-charset': () => i18n.t('issue.badCharset'),
  duplicate: () => i18n.t('issue.duplicate'),
  'not-a-url': () => i18n.t('issue.notAUrl'),
  'remote-http': () => i18n.t('issue.remoteHttp'),
  'extra-url-parts': () => i18n.t('issue.extraUrlParts'),
  'not-wasm': () => i18n.t('issue.notWasm'),
  'not-gguf': () => i18n.t('issue.notGguf'),
  'not-a-number': () => i18n.t('issue.notANumber'),
  'not-an-integer': () => i18n.t('issue.notAnInteger'),
  'not-an-array': () => i18n.t('issue.notAnArray'),
};

function issueText(issue: CustomRecordIssue): string {
  switch (issue.code) {
    case 'too-long':
      return i18n.t('issue.tooLong', [String(issue.maxLength)]);
    case 'too-many':
      return i18n.t('issue.tooMany', [String(issue.max)]);
    case 'bad-scheme':
      return i18n.t('issue.badScheme', [issue.scheme]);
    case 'out-of-range': {
      const [min, max] = [String(issue.min), String(issue.max)];
      return issue.minExclusive ? i18n.t('issue.outOfRangeAbove', [min, max]) : i18n.t('issue.outOfRange', [min, max]);
    }
    case 'unknown-feature':
      return i18n.t('issue.unknownFeature', [issue.known.join(', ')]);
    case 'origin-not-in-csp':
      return i18n.t('issue.originNotInCsp', [issue.origin]);
    default:
      return PLAIN_ISSUE_TEXT[issue.code]();
  }
}

/** The connect-src this build allows, so a record whose host it blocks is flagged before its download fails. */
function buildConnectSources(): string[] {
  const directive = chrome.runtime.getManifest().content_security_policy;
  const csp = typeof directive === 'string' ? directive : (directive?.extension_pages ?? extensionPagesCsp());
  return (
    csp
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith('connect-src'))
      ?.split(/\s+/)
      .slice(1) ?? []
  );
}

type RecordKind = 'webllm' | 'gguf';
type TextField = 'model_id' | 'model' | 'model_lib' | 'vram_required_MB' | 'ram_required_MB' | 'context_window_size';

const EMPTY_FIELDS = {
  model_id: '',
  model: '',
  model_lib: '',
  vram_required_MB: '',
  ram_required_MB: '',
  context_window_size: '4096',
  f16: false,
};

/**
 * Adding and removing the user's own model records, each validated and stored only when valid: a WebLLM model for the
 * GPU, or a GGUF file for the CPU engine.
 */
export function CustomModelsSection({ custom, budgetMB }: { custom: AnyModelRecord[]; budgetMB: number }) {
  const kind = useSignal<RecordKind>('webllm');
  const fields = useSignal(EMPTY_FIELDS);
  const issues = useSignal<CustomRecordIssue[]>([]);
  const set = (name: keyof typeof fields.value) => (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    fields.value = { ...fields.value, [name]: input.type === 'checkbox' ? input.checked : input.value };
  };

  const saveFailure = useSignal<string | null>(null);
  const store = async (records: AnyModelRecord[]): Promise<boolean> => {
    saveFailure.value = null;
    try {
      await customModels.setValue(records);
      return true;
    } catch (error) {
      saveFailure.value = storageErrorText(error);
      return false;
    }
  };

  const add = async () => {
    if (custom.length >= MAX_CUSTOM_MODELS) {
      issues.value = [{ field: 'record', code: 'too-many', max: MAX_CUSTOM_MODELS }];
      return;
    }
    const { f16, model_lib, vram_required_MB, ram_required_MB, ...shared } = fields.value;
    const input =
      kind.value === 'gguf'
        ? { ...shared, format: 'gguf', ram_required_MB }
        : { ...shared, model_lib, vram_required_MB, required_features: f16 ? ['shader-f16'] : [] };
    const result = validateCustomRecord(input, {
      existingIds: registeredModels(custom).map((record) => record.model_id),
      cspConnectSources: buildConnectSources(),
    });
    if (!result.ok) {
      issues.value = result.errors;
      return;
    }
    issues.value = result.warnings;
    // Storage that refuses the list keeps the old one whole, and the typed fields stay for another try.
    if (!(await store([...custom, result.record]))) return;
    fields.value = { ...EMPTY_FIELDS, context_window_size: fields.value.context_window_size };
  };

  const input = (name: TextField, label: string, type: 'text' | 'url' | 'number' = 'text') => (
    <label class="field">
      <span class="field-label">{label}</span>
      <input name={name} type={type as 'text'} value={fields.value[name]} onInput={set(name)} />
    </label>
  );

  return (
    <section>
      <h2>{i18n.t('options.customHeading')}</h2>
      <p class="help">{i18n.t('options.customHelp')}</p>
      <form
        class="custom-form"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label class="field">
          <span class="field-label">{i18n.t('options.fieldKind')}</span>
          <select
            name="kind"
            value={kind.value}
            onChange={(event) => {
              kind.value = (event.currentTarget as HTMLSelectElement).value as RecordKind;
              issues.value = [];
            }}
          >
            <option value="webllm">{i18n.t('options.kindWebllm')}</option>
            <option value="gguf">{i18n.t('options.kindGguf')}</option>
          </select>
        </label>
        {input('model_id', i18n.t('options.fieldModelId'))}
        {kind.value === 'gguf' ? (
          <>
            {input('model', i18n.t('options.fieldGguf'), 'url')}
            {input('ram_required_MB', i18n.t('options.fieldRam'), 'number')}
            {input('context_window_size', i18n.t('options.fieldContext'), 'number')}
          </>
        ) : (
          <>
            {input('model', i18n.t('options.fieldModel'), 'url')}
            {input('model_lib', i18n.t('options.fieldModelLib'), 'url')}
            {input('vram_required_MB', i18n.t('options.fieldVram'), 'number')}
            {input('context_window_size', i18n.t('options.fieldContext'), 'number')}
            <label class="check">
              <input type="checkbox" checked={fields.value.f16} onChange={set('f16')} />
              {i18n.t('options.fieldF16')}
            </label>
          </>
        )}
        <div class="section-actions">
          <Button type="submit" icon={Plus}>
            {i18n.t('options.addModel')}
          </Button>
        </div>
      </form>
      {issues.value.length > 0 ? (
        <ul class="note note-error issues" role="alert" data-testid="custom-model-issues">
          {issues.value.map((issue) => (
            <li data-code={issue.code}>{i18n.t('options.issue', [FIELD_LABEL[issue.field](), issueText(issue)])}</li>
          ))}
        </ul>
      ) : null}
      {saveFailure.value ? (
        <p class="error" role="alert" data-testid="custom-model-save-error">
          {saveFailure.value}
        </p>
      ) : null}
      {custom.length === 0 ? (
        <p class="help">{i18n.t('options.customListEmpty')}</p>
      ) : (
        <ul class="custom-models" data-testid="custom-models">
          {custom.map((record) => (
            <li>
              <div class="model-name">
                <code>{record.model_id}</code>
                <ModelFit record={record} budgetMB={budgetMB} />
              </div>
              <Button
                variant="danger"
                icon={Trash}
                onClick={() => void store(custom.filter((other) => other !== record))}
              >
                {i18n.t('options.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
