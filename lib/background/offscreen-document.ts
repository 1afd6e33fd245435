/** Creates the offscreen engine host on demand and closes it to free GPU memory. Background only. */
import { offscreenApi, runtimeContextsApi } from '../platform/browser-features';
import { sendRequest } from '../protocol/requests';
import { engineIdleMs } from '../settings/settings';
import { errorName } from '../core/diagnostics';
import { recordDiagnostic } from './diagnostics-log';

const READY_TIMEOUT_MS = 5000;
const READY_POLL_MS = 25;

const OFFSCREEN_PATH = '/offscreen.html';

let creating: Promise<void> | undefined;

export async function hasOffscreenDocument(): Promise<boolean> {
  const getContexts = runtimeContextsApi();
  // Firefox has runtime.getContexts but no offscreen documents (it rejects the context type).
  if (!getContexts || !offscreenApi()) return false;
  const contexts = await getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] }).catch(
    (error: unknown) => {
      recordDiagnostic('offscreen-lookup-failed', { error: errorName(error) });
      return [];
    },
  );
  return contexts.length > 0;
}

/** Resolves once the engine host answers; concurrent callers share one creation. */
export async function ensureOffscreenDocument(): Promise<void> {
  const started = Date.now();
  let step = 'create';
  try {
    await createOffscreenDocument();
    step = 'answer';
    await untilEngineHostAnswers();
  } catch (error) {
    recordDiagnostic('offscreen-start-failed', { step, error: errorName(error), ms: Date.now() - started });
    throw error;
  }
}

async function createOffscreenDocument(): Promise<void> {
  const offscreen = offscreenApi();
  if (!offscreen) throw new Error('offscreen-unsupported');
  if (await hasOffscreenDocument()) return;
  // The host learns its idle timeout from its URL, so even a document created only to probe the GPU closes again.
  const url = `${OFFSCREEN_PATH}?idleMs=${await engineIdleMs.getValue()}`;
  creating ??= offscreen
    .createDocument({
      url,
      reasons: ['WORKERS' as chrome.offscreen.Reason],
      justification: 'Runs the on-device language model (WebLLM on WebGPU) in a worker.',
    })
    .catch(async (error: unknown) => {
      // Another context won the race: the document exists, which is all we wanted.
      if (!(await hasOffscreenDocument())) throw error;
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

/** A document that exists may still be loading its script: wait until its listeners answer. */
async function untilEngineHostAnswers(): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    try {
      await sendRequest('engine/status');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
    }
  }
}

export async function closeOffscreenDocument(): Promise<boolean> {
  const offscreen = offscreenApi();
  if (!offscreen || !(await hasOffscreenDocument())) return false;
  await offscreen.closeDocument();
  return true;
}
