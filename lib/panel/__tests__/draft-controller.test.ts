import { describe, expect, it } from 'vitest';
import type { MailSource, PageTarget, TaskSource } from '../../protocol/messages';
import { DraftController } from '../draft-controller';
import { TaskStream } from '../task-stream';
import { FakePanelBrowser, flush, type StartedTask } from './fake-panel-browser';

const MAIL: MailSource = {
  tabId: 21,
  conversation: { client: 'gmail', ids: ['thread:abc'], messageIds: [], subject: 'Lisbon offsite: venue booking' },
  client: 'gmail',
  replyingTo: 'Maya Lindqvist',
  messageCount: 3,
  omittedMessages: 0,
  unreadMessages: 0,
  fromSelection: false,
};
const THREAD: TaskSource = {
  kind: 'mail',
  title: 'Lisbon offsite: venue booking',
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  conversationId: 'c1',
  mail: MAIL,
};
const TARGET: PageTarget = { panel: { windowId: 7, docked: true } };

function setup() {
  const browser = new FakePanelBrowser();
  const draft = new DraftController(new TaskStream(browser.streamDeps), {
    sendRequest: browser.deps.sendRequest,
    requestSiteAccess: browser.deps.requestSiteAccess,
    recordDiagnostic: browser.deps.recordDiagnostic,
    draftOptions: browser.settings.draftOptions,
    choiceSaved: () => undefined,
    target: async () => TARGET,
  });
  return { browser, draft };
}

/** Drafts a reply that streams in as these words and finishes. */
async function drafted(text = 'Hi Maya,\n\nYes, please book it.\n\nBest,\nJonas') {
  const { browser, draft } = setup();
  draft.intent.value = '  yes, book it  ';
  await draft.draft();
  const run = browser.last('draft-reply');
  run.send({ type: 'task/source', source: THREAD });
  for (const word of text.match(/\S+\s*/g) ?? []) run.delta(word);
  run.done();
  return { browser, draft, run };
}

/** Reworks the draft and returns the background's side of it, which names the conversation first as the task does. */
function rework(browser: FakePanelBrowser, draft: DraftController): StartedTask {
  const started = browser.started.length;
  draft.refine('shorter');
  expect(browser.started).toHaveLength(started + 1);
  const run = browser.last('refine-draft');
  run.send({ type: 'task/source', source: { ...THREAD, conversationId: '' } });
  return run;
}

describe('DraftController: drafting', () => {
  it('drafts a reply to the conversation beside the panel with the trimmed intent and the options', async () => {
    const { browser, draft } = setup();
    browser.settings.draftOptions.value = { tone: 'formal', length: 'short', language: 'de' };
    await draft.load();
    draft.intent.value = '  yes to Tuesday  ';
    await draft.draft();
    expect(browser.last().task).toEqual({
      kind: 'draft-reply',
      target: TARGET,
      intent: 'yes to Tuesday',
      options: { tone: 'formal', length: 'short', language: 'de' },
    });
    expect(draft.stream.running.value).toBe(true);
  });

  it('streams the draft into the text Insert and Copy use, with the conversation it answers', async () => {
    const { draft } = await drafted('Hi Maya, yes.');
    expect(draft.text.value).toBe('Hi Maya, yes.');
    expect(draft.stream.source.value?.mail).toEqual(MAIL);
    expect(draft.stream.state.value).toBe('done');
  });

  it('falls back to the default options when the stored ones are invalid, and stores what the user picks', async () => {
    const { browser, draft } = setup();
    browser.settings.draftOptions.value = { tone: 'grumpy', length: 'medium' } as never;
    await draft.load();
    expect(draft.options.value).toEqual({ tone: 'neutral', length: 'medium', language: 'page' });
    draft.setOptions({ tone: 'casual', length: 'long', language: 'page' });
    expect(browser.settings.draftOptions.value).toEqual({ tone: 'casual', length: 'long', language: 'page' });
  });

  it('preloads the draft model when the Reply view opens', () => {
    const { browser, draft } = setup();
    draft.opened();
    expect(browser.requestsOf('model/preload')).toEqual([{ task: 'draft' }]);
  });

  it('shows an error while keeping the text written before it', async () => {
    const { browser, draft } = setup();
    await draft.draft();
    browser.last().delta('Hi Maya, ');
    browser.last().send({ type: 'task/error', error: { code: 'out-of-gpu-memory' } });
    expect(draft.stream.state.value).toBe('error');
    expect(draft.stream.error.value).toEqual({ code: 'out-of-gpu-memory' });
    expect(draft.text.value).toBe('Hi Maya, ');
  });

  it('stops a draft where the user stopped it', async () => {
    const { browser, draft } = setup();
    await draft.draft();
    const run = browser.last();
    run.delta('Hi Maya, ');
    draft.stream.stop();
    expect(run.cancelled).toBe(true);
    run.delta('yes.');
    run.done(true);
    expect(draft.stream.state.value).toBe('stopped');
    expect(draft.text.value).toBe('Hi Maya, ');
  });
});

describe('DraftController: editing and inserting', () => {
  it('inserts the edited draft, trimmed, into the reply box of the conversation it answers', async () => {
    const { browser, draft } = await drafted();
    browser.answers['reply/insert'] = async () => ({ ok: true, opened: true, nameLeftToSignature: false });
    draft.edit('Hi Maya,\n\nYes, Tuesday works.\n\n');
    expect(draft.text.value).toBe('Hi Maya,\n\nYes, Tuesday works.\n\n');
    await draft.insert();
    expect(browser.requestsOf('reply/insert')).toEqual([
      { tabId: 21, text: 'Hi Maya,\n\nYes, Tuesday works.', conversation: MAIL.conversation },
    ]);
    expect(draft.insertOutcome.value).toEqual({ ok: true, opened: true, nameLeftToSignature: false });
  });

  it('keeps the draft to copy when the insert fails, and says why', async () => {
    const { browser, draft } = await drafted();
    browser.answers['reply/insert'] = async () => ({ ok: false, error: { code: 'no-reply-box' } });
    await draft.insert();
    expect(draft.insertOutcome.value).toEqual({ ok: false, error: { code: 'no-reply-box' } });
    browser.answers['reply/insert'] = () => Promise.reject(new Error('tab closed'));
    await draft.insert();
    expect(draft.insertOutcome.value).toEqual({ ok: false, error: { code: 'reply-insert-failed' } });
    expect(draft.text.value).toContain('Yes, please book it.');
  });

  it('drafting again replaces the edits once the new draft writes, not before', async () => {
    const { browser, draft } = await drafted('First draft.');
    draft.edit('My edited draft.');
    await draft.draft();
    expect(draft.text.value).toBe('My edited draft.');
    browser.last().delta('Second draft.');
    expect(draft.text.value).toBe('Second draft.');
    expect(draft.previous.value).toBeNull();
  });

  it('a failed re-draft keeps the edited draft and shows the error', async () => {
    const { browser, draft } = await drafted('First draft.');
    draft.edit('My edited draft.');
    await draft.draft();
    browser.last().send({ type: 'task/error', error: { code: 'gpu-device-lost' } });
    expect(draft.text.value).toBe('My edited draft.');
    expect(draft.stream.error.value).toEqual({ code: 'gpu-device-lost' });
    expect(draft.previous.value).toBeNull();
  });

  it('a re-draft stopped before it wrote anything keeps the edited draft', async () => {
    const { browser, draft } = await drafted('First draft.');
    draft.edit('My edited draft.');
    await draft.draft();
    draft.stream.stop();
    browser.last().done(true);
    expect(draft.text.value).toBe('My edited draft.');
    expect(draft.stream.state.value).toBe('done');
  });
});

describe('DraftController: reworking', () => {
  it('reworks the draft as the user left it, in the style chosen, for the same conversation', async () => {
    const { browser, draft } = await drafted('First draft.');
    draft.edit('  My edited draft.  ');
    const run = rework(browser, draft);
    expect(run.task).toEqual({
      kind: 'refine-draft',
      text: 'My edited draft.',
      style: 'shorter',
      conversation: { title: THREAD.title, url: THREAD.url, mail: MAIL },
    });
  });

  it('does nothing without a conversation or without text', async () => {
    const { browser, draft } = setup();
    draft.refine('shorter');
    expect(browser.started).toHaveLength(0);
    const done = await drafted('First draft.');
    done.draft.edit('   ');
    done.draft.refine('formal');
    expect(done.browser.started).toHaveLength(1);
  });

  it('shows the rework and keeps the version before it, to go back and forth', async () => {
    const { browser, draft } = await drafted('First draft.');
    draft.edit('My edited draft.');
    const run = rework(browser, draft);
    expect(draft.text.value).toBe('My edited draft.');
    expect(draft.previous.value).toBeNull();
    run.delta('Short ');
    run.delta('draft.');
    run.done();
    expect(draft.text.value).toBe('Short draft.');
    expect(draft.previous.value).toBe('My edited draft.');

    draft.swapWithPrevious();
    expect(draft.text.value).toBe('My edited draft.');
    expect(draft.previous.value).toBe('Short draft.');
    draft.swapWithPrevious();
    expect(draft.text.value).toBe('Short draft.');
    expect(draft.previous.value).toBe('My edited draft.');
  });

  it('shows the cleaned-up result of a rework instead of its raw text', async () => {
    const { browser, draft } = await drafted('First draft.');
    const run = rework(browser, draft);
    run.delta('Here is a shorter version: Short draft.');
    run.send({ type: 'task/result', result: { text: 'Short draft.' } });
    run.done();
    expect(draft.text.value).toBe('Short draft.');
    expect(draft.previous.value).toBe('First draft.');
  });

  it('a rework stopped halfway can be undone with the previous version', async () => {
    const { browser, draft } = await drafted('First draft.');
    const run = rework(browser, draft);
    run.delta('Short ');
    draft.stream.stop();
    run.done(true);
    expect(draft.stream.state.value).toBe('stopped');
    expect(draft.text.value).toBe('Short ');
    expect(draft.previous.value).toBe('First draft.');
    draft.swapWithPrevious();
    expect(draft.text.value).toBe('First draft.');
    expect(draft.previous.value).toBe('Short ');
  });

  it('a rework stopped before it wrote anything leaves the draft and the previous version as they were', async () => {
    const { browser, draft } = await drafted('First draft.');
    draft.edit('My edited draft.');
    const run = rework(browser, draft);
    draft.stream.stop();
    run.done(true);
    expect(draft.text.value).toBe('My edited draft.');
    expect(draft.previous.value).toBeNull();
    expect(draft.stream.running.value).toBe(false);
  });

  it('a failed rework leaves the draft and the previous version as they were', async () => {
    const { browser, draft } = await drafted('First draft.');
    draft.edit('My edited draft.');
    rework(browser, draft).send({ type: 'task/error', error: { code: 'context-too-small' } });
    expect(draft.text.value).toBe('My edited draft.');
    expect(draft.previous.value).toBeNull();
    expect(draft.stream.error.value).toEqual({ code: 'context-too-small' });
  });

  it('drafting anew after a rework forgets the previous version once the new draft writes', async () => {
    const { browser, draft } = await drafted('First draft.');
    const run = rework(browser, draft);
    run.delta('Short draft.');
    run.done();
    expect(draft.previous.value).toBe('First draft.');
    await draft.draft();
    browser.last().delta('Another draft.');
    expect(draft.text.value).toBe('Another draft.');
    expect(draft.previous.value).toBeNull();
  });
});

describe('DraftController: site access', () => {
  const NEEDS_ACCESS = {
    code: 'no-page-access',
    suggestion: { kind: 'grant-site-access', origin: 'https://mail.google.com/*' },
  } as const;

  it('asks the browser for the origin the error names and drafts again once granted', async () => {
    const { browser, draft } = setup();
    await draft.draft();
    browser.last().send({ type: 'task/error', error: NEEDS_ACCESS });
    await draft.grantSiteAccess();
    expect(browser.siteAccessAsked).toEqual(['https://mail.google.com/*']);
    expect(browser.started).toHaveLength(2);
    expect(browser.last().task).toEqual(browser.started[0]!.task);
  });

  it('does not draft again when the user declines', async () => {
    const { browser, draft } = setup();
    browser.grantSiteAccess = false;
    await draft.draft();
    browser.last().send({ type: 'task/error', error: NEEDS_ACCESS });
    await draft.grantSiteAccess();
    await flush();
    expect(browser.siteAccessAsked).toHaveLength(1);
    expect(browser.started).toHaveLength(1);
    expect(draft.stream.state.value).toBe('error');
  });
});
