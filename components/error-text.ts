/** The user-facing sentence for each failure code, in the browser's language. */
import { i18n } from '#i18n';
import type { GpuUnavailableReason } from '@/lib/models/types';
import type { TacitError } from '@/lib/core/errors';
import { clientName } from './client-name';
import { formatBytes } from './format';

export function gpuReasonText(reason: GpuUnavailableReason | 'shader-f16' | string | undefined): string | undefined {
  switch (reason) {
    case 'no-webgpu-api':
      return i18n.t('gpuReason.noWebgpuApi');
    case 'no-adapter':
      return i18n.t('gpuReason.noAdapter');
    case 'probe-failed':
      return i18n.t('gpuReason.probeFailed');
    case 'buffer-limit-too-small':
      return i18n.t('gpuReason.bufferLimitTooSmall');
    case 'shader-f16':
      return i18n.t('gpuReason.shaderF16');
    default:
      return undefined;
  }
}

export function errorText(error: TacitError): string {
  const detail = error.detail ?? '';
  switch (error.code) {
    case 'no-webgpu': {
      const reason = gpuReasonText(error.detail);
      return reason ? i18n.t('error.noWebgpu', [reason]) : i18n.t('error.noWebgpuGeneric');
    }
    case 'model-source-unreachable':
      return i18n.t('error.modelSourceUnreachable', [detail || '?']);
    case 'model-download-failed':
      return i18n.t('error.modelDownloadFailed', [detail || '?']);
    case 'model-blocked-by-policy':
      return i18n.t('error.modelBlockedByPolicy', [detail || '?']);
    case 'model-unknown':
      return i18n.t('error.modelUnknown', [detail || '?']);
    case 'model-too-large': {
      const [needed = '?', budget = '?'] = detail.split('/');
      return i18n.t('error.modelTooLarge', [needed, budget]);
    }
    case 'out-of-gpu-memory':
      return i18n.t('error.outOfGpuMemory');
    case 'gpu-device-lost':
      return i18n.t('error.gpuDeviceLost');
    case 'storage-quota':
      return i18n.t('error.storageQuota', [Number(detail) > 0 ? formatBytes(Number(detail)) : '?']);
    case 'engine-unavailable':
      return i18n.t('error.engineUnavailable');
    case 'engine-crashed':
      return i18n.t('error.engineCrashed');
    case 'background-restarted':
      return i18n.t('error.backgroundRestarted');
    case 'invalid-request':
      return i18n.t('error.invalidRequest');
    case 'restricted-page':
      return i18n.t('error.restrictedPage', [restrictedReasonText(detail)]);
    case 'no-page-access':
      return i18n.t('error.noPageAccess');
    case 'no-active-tab':
      return i18n.t('error.noActiveTab');
    case 'empty-page':
      return i18n.t('error.emptyPage');
    case 'extraction-failed':
      return i18n.t('error.extractionFailed');
    case 'empty-selection':
      return i18n.t('error.emptySelection');
    case 'tab-closed':
      return i18n.t('error.tabClosed');
    case 'page-navigated':
      return i18n.t('error.pageNavigated');
    case 'conversation-expired':
      return i18n.t('error.conversationExpired');
    case 'context-too-small':
      return i18n.t('error.contextTooSmall');
    case 'password-field':
      return i18n.t('error.passwordField');
    case 'sensitive-field':
      return i18n.t('error.sensitiveField');
    case 'not-editable':
      return i18n.t('error.notEditable');
    case 'anchor-lost':
      return i18n.t('error.anchorLost');
    case 'original-changed':
      return i18n.t('error.originalChanged');
    case 'replace-failed':
      return i18n.t('error.replaceFailed');
    case 'selection-too-long': {
      const [words = '?', limit = '?'] = detail.split('/');
      return i18n.t('error.selectionTooLong', [words, limit]);
    }
    case 'empty-instruction':
      return i18n.t('error.emptyInstruction');
    case 'download-cancelled':
      return i18n.t('error.downloadCancelled');
    case 'model-files-corrupt':
      return i18n.t('error.modelFilesCorrupt');
    case 'no-mail-thread':
      return i18n.t('error.noMailThread');
    case 'empty-mail-thread':
      return i18n.t('error.emptyMailThread');
    case 'mail-unreadable':
      return i18n.t('error.mailUnreadable', [clientName(detail) ?? i18n.t('draft.clientOther')]);
    case 'no-reply-box':
      return i18n.t('error.noReplyBox');
    case 'reply-insert-failed':
      return i18n.t('error.replyInsertFailed');
    case 'conversation-changed':
      return i18n.t('error.conversationChanged');
    case 'conversation-unverified':
      return i18n.t('error.conversationUnverified', [clientName(detail) ?? i18n.t('draft.clientOther')]);
    case 'unknown':
      return i18n.t('error.unknown', [detail || '?']);
  }
}

function restrictedReasonText(reason: string): string {
  switch (reason) {
    case 'web-store':
      return i18n.t('restrictedReason.webStore');
    case 'pdf-viewer':
      return i18n.t('restrictedReason.pdfViewer');
    case 'view-source':
      return i18n.t('restrictedReason.viewSource');
    case 'extension-page':
      return i18n.t('restrictedReason.extensionPage');
    default:
      return i18n.t('restrictedReason.browserPage');
  }
}
