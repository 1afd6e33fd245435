/** The user-facing sentence for each failure code, in the browser's language. */
import { i18n } from '#i18n';
import type { GpuUnavailableReason, RestrictedPageReason, TacitError } from '@/lib/core/errors';
import type { SensitiveKind } from '@/lib/core/sensitive-data';
import { clientName } from './client-name';
import { formatBytes } from './format';

/** Where the browser reports on its GPU and WebGPU (a page's address, the same in every language). */
const GPU_REPORT_PAGE = import.meta.env.FIREFOX ? 'about:support' : 'chrome://gpu';

export function gpuReasonText(reason: GpuUnavailableReason | 'shader-f16' | undefined): string | undefined {
  switch (reason) {
    case 'no-webgpu-api':
      return i18n.t('gpuReason.noWebgpuApi');
    case 'no-adapter':
      return i18n.t('gpuReason.noAdapter', [GPU_REPORT_PAGE]);
    case 'probe-failed':
      return i18n.t('gpuReason.probeFailed', [GPU_REPORT_PAGE]);
    case 'buffer-limit-too-small':
      return i18n.t('gpuReason.bufferLimitTooSmall');
    case 'shader-f16':
      return i18n.t('gpuReason.shaderF16');
    case undefined:
      return undefined;
  }
}

function sensitiveRefusalText(kind: SensitiveKind | undefined): string {
  switch (kind) {
    case 'card-number':
      return i18n.t('sensitiveRefusal.cardNumber');
    case 'card-security-code':
      return i18n.t('sensitiveRefusal.cardSecurityCode');
    case 'card-expiry':
      return i18n.t('sensitiveRefusal.cardExpiry');
    case 'card-details':
      return i18n.t('sensitiveRefusal.cardDetails');
    case 'one-time-code':
      return i18n.t('sensitiveRefusal.oneTimeCode');
    case 'iban':
      return i18n.t('sensitiveRefusal.iban');
    case 'pin':
      return i18n.t('sensitiveRefusal.pin');
    case 'tan':
      return i18n.t('sensitiveRefusal.tan');
    case 'national-id':
      return i18n.t('sensitiveRefusal.nationalId');
    case 'card-number-in-text':
      return i18n.t('sensitiveRefusal.cardNumberInText');
    case undefined:
      return i18n.t('error.sensitiveField');
  }
}

export function errorText(error: TacitError): string {
  switch (error.code) {
    case 'no-webgpu': {
      const reason = gpuReasonText(error.reason);
      return reason ? i18n.t('error.noWebgpu', [reason]) : i18n.t('error.noWebgpuGeneric', [GPU_REPORT_PAGE]);
    }
    case 'model-source-unreachable':
      return i18n.t('error.modelSourceUnreachable', [error.host || '?']);
    case 'model-download-failed':
      return i18n.t('error.modelDownloadFailed', [hostText(error.host, error.status)]);
    case 'model-blocked-by-policy':
      return i18n.t('error.modelBlockedByPolicy', [error.host || '?']);
    case 'model-unknown':
      return i18n.t('error.modelUnknown', [error.modelId || '?']);
    case 'model-too-large':
      return i18n.t('error.modelTooLarge', [String(error.neededMB), String(error.budgetMB)]);
    case 'model-too-large-for-ram':
      return i18n.t('error.modelTooLargeForRam', [String(error.neededMB), String(error.budgetMB)]);
    case 'out-of-gpu-memory':
      return i18n.t('error.outOfGpuMemory');
    case 'gpu-device-lost':
      return i18n.t('error.gpuDeviceLost');
    case 'storage-quota':
      return i18n.t('error.storageQuota', [
        error.bytesNeeded !== undefined && error.bytesNeeded > 0 ? formatBytes(error.bytesNeeded) : '?',
      ]);
    case 'engine-unavailable':
      return i18n.t('error.engineUnavailable');
    case 'engine-crashed':
      return i18n.t('error.engineCrashed');
    case 'background-restarted':
      return i18n.t('error.backgroundRestarted');
    case 'invalid-request':
      return i18n.t('error.invalidRequest');
    case 'restricted-page':
      return i18n.t('error.restrictedPage', [restrictedReasonText(error.page)]);
    case 'no-page-access':
      return i18n.t('error.noPageAccess');
    case 'no-file-access':
      return i18n.t('error.noFileAccess');
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
    case 'empty-reply':
      return i18n.t('error.emptyReply');
    case 'context-too-small':
      return i18n.t('error.contextTooSmall');
    case 'password-field':
      return i18n.t('error.passwordField');
    case 'sensitive-field':
      return sensitiveRefusalText(error.kind);
    case 'not-editable':
      return i18n.t('error.notEditable');
    case 'anchor-lost':
      return i18n.t('error.anchorLost');
    case 'original-changed':
      return i18n.t('error.originalChanged');
    case 'replace-failed':
      return i18n.t('error.replaceFailed');
    case 'edit-undone':
      return i18n.t('error.editUndone');
    case 'edit-unverified':
      return i18n.t('error.editUnverified');
    case 'selection-too-long':
      return i18n.t('error.selectionTooLong', [String(error.words), String(error.maxWords)]);
    case 'instruction-too-long':
      return i18n.t('error.instructionTooLong', [String(error.length), String(error.maxLength)]);
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
      return i18n.t('error.mailUnreadable', [clientName(error.client) ?? i18n.t('draft.clientOther')]);
    case 'no-reply-box':
      return i18n.t('error.noReplyBox');
    case 'reply-insert-failed':
      return i18n.t('error.replyInsertFailed');
    case 'conversation-changed':
      return i18n.t('error.conversationChanged');
    case 'conversation-unverified':
      return i18n.t('error.conversationUnverified', [clientName(error.client) ?? i18n.t('draft.clientOther')]);
    case 'unknown':
      return i18n.t('error.unknown', [error.cause || '?']);
  }
}

/** The host a download came from, with the HTTP status it answered when known. */
function hostText(host: string | undefined, status: number | undefined): string {
  return status === undefined ? host || '?' : i18n.t('error.hostWithStatus', [host || '?', String(status)]);
}

function restrictedReasonText(reason: RestrictedPageReason): string {
  switch (reason) {
    case 'web-store':
      return i18n.t('restrictedReason.webStore');
    case 'pdf-viewer':
      return i18n.t('restrictedReason.pdfViewer');
    case 'view-source':
      return i18n.t('restrictedReason.viewSource');
    case 'extension-page':
      return i18n.t('restrictedReason.extensionPage');
    case 'browser-page':
      return i18n.t('restrictedReason.browserPage');
  }
}
