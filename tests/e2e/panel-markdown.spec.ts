import type { Page } from '@playwright/test';
import { linksIn } from '../../lib/tasks/common/source-links';
import type {
  safeMarkdown as SafeMarkdownFactory,
  renderMarkdownSafely as RenderMarkdown,
} from '../../lib/render/markdown';
import type { MarkdownStream as Stream } from '../../lib/render/markdown-stream';
import type { RenderedBlocks as Blocks } from '../../lib/render/rendered-blocks';
import { markdownReply, REPLY_LINK, replyTokens } from '../fixtures/markdown/markdown-reply';
import { expect, test, useScriptedEngine } from './support/extension-test';

/** What the test build's panel exposes for these tests (entrypoints/sidepanel/main.tsx). */
interface RenderHooks {
  tacitRender: {
    renderMarkdownSafely: typeof RenderMarkdown;
    safeMarkdown: typeof SafeMarkdownFactory;
    MarkdownStream: typeof Stream;
    RenderedBlocks: typeof Blocks;
  };
}

/** One-shot rendering of `text` in the panel page itself, as a container's innerHTML. */
function oneShotInPanel(panel: Page, text: string, links: string[]): Promise<string> {
  return panel.evaluate(
    ([source, allowed]) => {
      const { renderMarkdownSafely } = (globalThis as unknown as RenderHooks).tacitRender;
      const container = document.createElement('div');
      container.innerHTML = renderMarkdownSafely(source, { links: new Set(allowed) });
      return container.innerHTML;
    },
    [text, links] as const,
  );
}

async function ask(panel: Page, question: string): Promise<void> {
  await panel.getByLabel('Ask Tacit').fill(question);
  await panel.getByRole('button', { name: 'Send' }).click();
}

/** Waits until the answer is written to the end. */
async function answered(panel: Page): Promise<void> {
  await expect(panel.getByTestId('ask-answer-card')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  // Stop goes with the card's run.
  await expect(panel.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  // A long paragraph at the end is rendered whole in the frame after its last words are drawn.
  await expect(panel.getByTestId('ask-answer')).toHaveAttribute('aria-busy', 'false');
  // The groups finished blocks were kept in while it streamed are taken away in the frames after the end.
  await expect(panel.locator('[data-testid="ask-answer"] > .block-group')).toHaveCount(0);
}

test('a 4,000-token Markdown answer streams into the same DOM as a one-shot render', async ({
  openPanel,
  serviceWorker,
}) => {
  test.setTimeout(120_000);
  const reply = markdownReply(4000);
  // Each token in its own task, as fast as the page takes them: the panel renders a few tokens per frame.
  await useScriptedEngine(serviceWorker, { reply, tokenDelayMs: 0 });
  const panel = await openPanel();
  const question = `Summarize ${REPLY_LINK} for me`;
  await ask(panel, question);
  await expect(panel.getByTestId('ask-answer')).toContainText('Part 1');
  await answered(panel);

  const answer = panel.getByTestId('ask-answer');
  expect(await answer.innerHTML()).toBe(await oneShotInPanel(panel, reply, linksIn(question)));
  expect(await answer.locator(`a[href="${REPLY_LINK}"]`).count()).toBeGreaterThan(20);
  await expect(answer.locator('a[href*="evil.example"]')).toHaveCount(0);
  await expect(answer.locator('table')).not.toHaveCount(0);
  await expect(answer.locator('pre code')).not.toHaveCount(0);

  // Per-update render cost in this browser, before (one-shot render of the whole text and innerHTML, as the panel
  // did) and after (the incremental renderer): printed for the record, not asserted.
  const costs = await panel.evaluate(
    ([tokens, allowed]) => {
      const { renderMarkdownSafely, safeMarkdown, MarkdownStream, RenderedBlocks } = (
        globalThis as unknown as RenderHooks
      ).tacitRender;
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const links = new Set(allowed);
      return [100, 1000, 4000].map((size) => {
        const before: number[] = [];
        const container = document.createElement('div');
        for (let run = 0; run < 7; run++) {
          const text = tokens.slice(0, size - 7 + run).join('');
          const started = performance.now();
          container.innerHTML = renderMarkdownSafely(text, { links });
          before.push(performance.now() - started);
        }
        const stream = new MarkdownStream(safeMarkdown(links));
        const view = new RenderedBlocks(document.createElement('div'));
        // The last 50 updates together: one update is below the timer's resolution in an extension page.
        let text = '';
        let afterTotal = 0;
        tokens.slice(0, size).forEach((token, index) => {
          text += token;
          const started = performance.now();
          view.apply(stream.update(text));
          if (index >= size - 50) afterTotal += performance.now() - started;
        });
        return { tokens: size, beforeMs: median(before), afterMs: afterTotal / 50 };
      });
    },
    [replyTokens(reply), linksIn(question)] as const,
  );
  console.log(`Per-update render cost in Chromium: ${JSON.stringify(costs)}`);
});

test('hostile Markdown split across deltas stays inert while it streams and at the end', async ({
  openPanel,
  serviceWorker,
}) => {
  const tokens = [
    'Intro\n\n<scr',
    'ipt>window.pwned = 1</scr',
    'ipt>\n\n[click](java',
    'script:window.pwned=2)\n\n![pixel](ht',
    'tp://evil.example/p.gif)\n\n<im',
    'g src=x oner',
    'ror="window.pwned=3">\n\n[leak](https://evil.exa',
    'mple/?d=secret) and https://evil.',
    'example/bare\n\n[ref]\n\n[ref]: java',
    'script:window.pwned=4\n\n<ifr',
    'ame src="https://evil.example/"></iframe>\n\n```\n<script>\n``',
    '`\n\nThe end.',
  ];
  await useScriptedEngine(serviceWorker, { tokens, tokenDelayMs: 40 });
  const panel = await openPanel();
  await panel.evaluate(() => {
    const unsafe: string[] = [];
    (window as unknown as { unsafe: string[] }).unsafe = unsafe;
    // The answer's card appears with the question: watch the whole panel, and look inside answers.
    new MutationObserver(() => {
      const found = document.querySelectorAll(
        ['script', 'img', 'iframe', 'object', 'embed', '[src]', '[onerror]', '[href]']
          .map((unsafeElement) => `[data-testid="ask-answer"] ${unsafeElement}`)
          .join(', '),
      );
      found.forEach((element) => unsafe.push(element.outerHTML));
    }).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  });
  await ask(panel, 'Write something');
  await expect(panel.getByTestId('ask-answer')).toContainText('The end.');
  await answered(panel);

  expect(await panel.evaluate(() => (window as unknown as { unsafe: string[] }).unsafe)).toEqual([]);
  expect(await panel.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  const answer = panel.getByTestId('ask-answer');
  await expect(answer).toContainText('<script>window.pwned = 1</script>');
  await expect(answer).toContainText('leak (https://evil.example/?d=secret)');
  expect(await answer.innerHTML()).toBe(await oneShotInPanel(panel, tokens.join(''), []));
});

test('a long paragraph keeps its lines while it streams, and ends as a one-shot render', async ({
  openPanel,
  serviceWorker,
}) => {
  test.setTimeout(120_000);
  const tokens = Array.from({ length: 3000 }, (_, index) => `word${index} `);
  // Fast, yet over many frames: a flood would come in a few batches, with no frame mid-paragraph to look at.
  await useScriptedEngine(serviceWorker, { tokens, tokensPerSecond: 2000 });
  const panel = await openPanel();
  // While it streams, the paragraph's finished lines are moved into blocks of their own: it must look the same as
  // one paragraph of the same text (the same lines, so the same height).
  const midway = panel.evaluate(
    () =>
      new Promise<{ blocks: number; height: number; asOneParagraph: number }>((resolve) => {
        new MutationObserver((_, observer) => {
          const paragraph = document.querySelector('[data-testid="ask-answer"] p');
          const blocks = paragraph?.querySelectorAll('.paragraph-lines').length ?? 0;
          if (!paragraph || blocks < 3) return;
          observer.disconnect();
          const copy = document.createElement('p');
          copy.textContent = paragraph.textContent;
          paragraph.after(copy);
          const height = Math.round(paragraph.getBoundingClientRect().height);
          const asOneParagraph = Math.round(copy.getBoundingClientRect().height);
          copy.remove();
          resolve({ blocks, height, asOneParagraph });
        }).observe(document.body, { childList: true, subtree: true });
      }),
  );
  await ask(panel, 'Write one long paragraph');
  const seen = await midway;
  expect(seen.blocks).toBeGreaterThanOrEqual(3);
  expect(seen.height).toBe(seen.asOneParagraph);
  await answered(panel);
  const answer = panel.getByTestId('ask-answer');
  await expect(answer.locator('.paragraph-lines')).toHaveCount(0);
  expect(await answer.innerHTML()).toBe(await oneShotInPanel(panel, tokens.join(''), []));
});

/** The paragraph after the growing block: once it shows, the block is finished. */
const AFTER_BLOCK = 'That is all.';

const GROWING_BLOCKS = [
  {
    name: 'a long table grows row by row',
    head: 'A table:\n\n| name | value | code |\n|---|--:|---|\n',
    part: (index: number) => [`| row ${index} `, '| **bold** ', '| `a | b` |\n'],
    block: 'table',
    parts: 'tbody > tr',
    question: 'Make a long table',
  },
  {
    name: 'a long list grows item by item',
    head: 'A list:\n\n',
    part: (index: number) => [`- item ${index} `, 'with **bold** ', '`code`\n'],
    block: 'ul',
    parts: ':scope > li',
    question: 'Make a long list',
  },
];

for (const { name, head, part, block, parts, question } of GROWING_BLOCKS) {
  test(`${name} while it streams: its rows or items stay, and it ends as a one-shot render`, async ({
    openPanel,
    serviceWorker,
  }) => {
    test.setTimeout(120_000);
    const tokens = [head, ...Array.from({ length: 150 }, (_, index) => part(index)).flat(), `\n${AFTER_BLOCK}\n`];
    await useScriptedEngine(serviceWorker, { tokens, tokensPerSecond: 600 });
    const panel = await openPanel();
    // The block seen with 40 rows or items is the same element, with the same first one, once the text after it has
    // come: rows and items are added to it, and the finished block keeps it, rather than the block being rendered again.
    const finished = panel.evaluate(
      ([blockSelector, partSelector, after]) =>
        new Promise<{ sameBlock: boolean; sameFirstPart: boolean; moreParts: boolean } | null>((resolve) => {
          type Look = { block: Element; firstPart: Element; count: number };
          const lookAt = (answer: Element | null): Look | undefined => {
            const block = answer?.querySelector(blockSelector);
            const firstPart = block?.querySelector(partSelector);
            return block && firstPart
              ? { block, firstPart, count: block.querySelectorAll(partSelector).length }
              : undefined;
          };
          let seen: Look | undefined;
          new MutationObserver((_, observer) => {
            const answer = document.querySelector('[data-testid="ask-answer"]');
            const look = lookAt(answer);
            if (!answer?.textContent?.includes(after)) {
              if (!seen && look && look.count >= 40) seen = look;
              return;
            }
            observer.disconnect();
            resolve(
              seen && look
                ? {
                    sameBlock: look.block === seen.block,
                    sameFirstPart: look.firstPart === seen.firstPart,
                    moreParts: look.count > seen.count,
                  }
                : null,
            );
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }),
      [block, parts, AFTER_BLOCK] as const,
    );
    await ask(panel, question);
    expect(await finished).toEqual({ sameBlock: true, sameFirstPart: true, moreParts: true });
    await answered(panel);
    const answer = panel.getByTestId('ask-answer');
    expect(
      await answer.locator(block).evaluate((found, selector) => found.querySelectorAll(selector).length, parts),
    ).toBe(150);
    expect(await answer.innerHTML()).toBe(await oneShotInPanel(panel, tokens.join(''), []));
  });
}

test('a long code block keeps its lines while it streams, looks the same, and ends as a one-shot render', async ({
  openPanel,
  serviceWorker,
}) => {
  test.setTimeout(120_000);
  const lines = Array.from({ length: 200 }, (_, index) => [
    `  const value${index} = compute(${index}, "<b>text</b>")`,
    ` + other[${index}]; // a long line that runs past the width of the panel ${'x'.repeat(index % 40)}\n`,
  ]);
  const tokens = ['Here is the code:\n\n```ts\n', ...lines.flat(), '```\n\nThat is all.\n'];
  await useScriptedEngine(serviceWorker, { tokens, tokensPerSecond: 600 });
  const panel = await openPanel();
  // Midway, the code element is the one first seen, and it is laid out as one block of the same text would be.
  const midway = panel.evaluate(
    () =>
      new Promise<{ sameCode: boolean; blocks: number; size: number[]; asOneText: number[] }>((resolve) => {
        let first: Element | undefined;
        new MutationObserver((_, observer) => {
          const code = document.querySelector('[data-testid="ask-answer"] pre > code');
          const blocks = code?.querySelectorAll('.paragraph-lines').length ?? 0;
          if (blocks >= 1) first ??= code!;
          if (blocks < 4) return;
          observer.disconnect();
          const pre = code!.parentElement!;
          const copy = pre.cloneNode(false) as HTMLElement;
          copy.append(Object.assign(document.createElement('code'), { textContent: code!.textContent }));
          pre.after(copy);
          const sizeOf = (element: HTMLElement) => [
            Math.round(element.getBoundingClientRect().height),
            element.scrollWidth,
          ];
          const size = sizeOf(pre);
          const asOneText = sizeOf(copy);
          copy.remove();
          resolve({ sameCode: code === first, blocks, size, asOneText });
        }).observe(document.body, { childList: true, subtree: true });
      }),
  );
  await ask(panel, 'Write a long script');
  const seen = await midway;
  expect(seen.sameCode).toBe(true);
  expect(seen.size).toEqual(seen.asOneText);
  await answered(panel);
  const answer = panel.getByTestId('ask-answer');
  await expect(answer.locator('.paragraph-lines')).toHaveCount(0);
  expect(await answer.innerHTML()).toBe(await oneShotInPanel(panel, tokens.join(''), []));
});

test('while a reply streams, its finished blocks sit exactly where they will be once it is complete', async ({
  openPanel,
  serviceWorker,
}) => {
  const reply = markdownReply(1200);
  await useScriptedEngine(serviceWorker, { reply, tokensPerSecond: 400 });
  const panel = await openPanel();
  // Tall enough that every group of finished blocks is on screen and laid out (off screen, the browser skips them).
  await panel.setViewportSize({ width: 420, height: 20_000 });
  await ask(panel, `Summarize ${REPLY_LINK} for me`);
  await panel.waitForFunction(
    () => document.querySelectorAll('[data-testid="ask-answer"] > .block-group').length >= 3,
    undefined,
    { timeout: 30_000 },
  );
  // In one go, so no update comes in between: each block's place in the answer, and in a copy without the groups.
  const places = await panel.evaluate(() => {
    const answer = document.querySelector<HTMLElement>('[data-testid="ask-answer"]')!;
    const blocks = (root: HTMLElement) =>
      [...root.children].flatMap((child) => (child.classList.contains('block-group') ? [...child.children] : [child]));
    const place = (root: HTMLElement) => {
      const top = root.getBoundingClientRect().top;
      return blocks(root).map((block) => {
        const box = block.getBoundingClientRect();
        return [block.tagName, Math.round(box.top - top), Math.round(box.height)];
      });
    };
    const copy = answer.cloneNode(true) as HTMLElement;
    for (const group of copy.querySelectorAll('.block-group')) group.replaceWith(...group.childNodes);
    answer.after(copy);
    const result = { streaming: place(answer), complete: place(copy) };
    copy.remove();
    return result;
  });
  expect(places.streaming.length).toBeGreaterThan(20);
  expect(places.streaming).toEqual(places.complete);
  await answered(panel);
  expect(await panel.getByTestId('ask-answer').innerHTML()).toBe(
    await oneShotInPanel(panel, reply, linksIn(`Summarize ${REPLY_LINK} for me`)),
  );
});

test('text the user selects while a reply streams stays selected as the reply ends, and the answer then ends as one-shot', async ({
  openPanel,
  serviceWorker,
}) => {
  test.setTimeout(120_000);
  const tokens = Array.from({ length: 80 }, (_, index) => [`Paragraph ${index} `, 'has some ', 'words.\n\n']).flat();
  await useScriptedEngine(serviceWorker, { tokens, tokensPerSecond: 120 });
  const panel = await openPanel();
  await ask(panel, 'Write many paragraphs');
  await panel.waitForFunction(() => document.querySelectorAll('[data-testid="ask-answer"] p').length >= 30, undefined, {
    timeout: 30_000,
  });
  // Selected as a user drags over it, from the third paragraph into the tenth, while the rest still streams.
  const selected = await panel.evaluate(() => {
    const paragraphs = document.querySelectorAll('[data-testid="ask-answer"] p');
    getSelection()!.setBaseAndExtent(paragraphs[2]!.firstChild!, 4, paragraphs[9]!.firstChild!, 9);
    return getSelection()!.toString();
  });
  expect(selected).toMatch(/^graph 2 has some words\.\s+Paragraph 3[\s\S]*Paragraph$/);
  await expect(panel.getByTestId('ask-answer-card')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  await expect(panel.getByTestId('ask-answer')).toContainText('Paragraph 79 has some words.');
  expect(await panel.evaluate(() => getSelection()!.toString())).toBe(selected);
  // Once the user clicks elsewhere, the answer becomes what a one-shot render gives.
  await panel.getByLabel('Ask Tacit').click();
  await answered(panel);
  expect(await panel.getByTestId('ask-answer').innerHTML()).toBe(await oneShotInPanel(panel, tokens.join(''), []));
});

test('a selection in a long paragraph whose line edges cut through bold text stays as the paragraph ends', async ({
  openPanel,
  serviceWorker,
}) => {
  test.setTimeout(120_000);
  // Bold runs nearly end to end: almost every line's edge goes through one, which is then split in two halves.
  const tokens = [
    ...Array.from({ length: 500 }, (_, index) => ['**bold ', `run ${index} `, 'of words**', ' and ']).flat(),
    'the end.\n\n',
    AFTER_BLOCK,
  ];
  await useScriptedEngine(serviceWorker, { tokens, tokensPerSecond: 1500 });
  const panel = await openPanel();
  // Selected as a user drags over it, from the first block of lines into the third, once a bold run is split.
  const selecting = panel.evaluate(
    () =>
      new Promise<{ selected: string; splitBold: boolean }>((resolve) => {
        new MutationObserver((_, observer) => {
          const blocks = document.querySelectorAll('[data-testid="ask-answer"] p .paragraph-lines');
          if (blocks.length < 4) return;
          observer.disconnect();
          const splitBold = [...blocks].some(
            (block) => block.lastChild?.nodeName === 'STRONG' && block.nextSibling?.firstChild?.nodeName === 'STRONG',
          );
          const from = document.createTreeWalker(blocks[0]!, NodeFilter.SHOW_TEXT).nextNode()!;
          const to = document.createTreeWalker(blocks[2]!, NodeFilter.SHOW_TEXT).nextNode()!;
          getSelection()!.setBaseAndExtent(from, 2, to, 3);
          resolve({ selected: getSelection()!.toString(), splitBold });
        }).observe(document.body, { childList: true, subtree: true });
      }),
  );
  await ask(panel, 'Write one long paragraph in bold');
  const { selected, splitBold } = await selecting;
  expect(splitBold).toBe(true);
  expect(selected.length).toBeGreaterThan(40);
  await expect(panel.getByTestId('ask-answer-card')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  await expect(panel.getByTestId('ask-answer')).toContainText(AFTER_BLOCK);
  expect(await panel.evaluate(() => getSelection()!.toString())).toBe(selected);
  // Once the user clicks elsewhere, the answer becomes what a one-shot render gives.
  await panel.getByLabel('Ask Tacit').click();
  await answered(panel);
  expect(await panel.getByTestId('ask-answer').innerHTML()).toBe(await oneShotInPanel(panel, tokens.join(''), []));
});
