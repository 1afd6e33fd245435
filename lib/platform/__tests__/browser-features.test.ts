import { describe, expect, it } from 'vitest';
import { openPanel, type PanelApis } from '../browser-features';

/** Records each call; `open` resolves, as the browser's does once the panel shows. */
function fakeApis(which: 'chromium' | 'firefox' | 'neither') {
  const calls: string[] = [];
  const apis: PanelApis = {
    ...(which === 'chromium'
      ? { sidePanel: { open: async ({ windowId }) => void calls.push(`sidePanel.open(${windowId})`) } }
      : {}),
    ...(which === 'firefox' ? { sidebarAction: { open: async () => void calls.push('sidebarAction.open()') } } : {}),
  };
  return { apis, calls };
}

describe('openPanel', () => {
  it("opens Chromium's side panel in that window, within the call (a user gesture does not outlive an await)", async () => {
    const { apis, calls } = fakeApis('chromium');
    const opened = openPanel(7, apis);
    expect(calls).toEqual(['sidePanel.open(7)']);
    await opened;
  });

  it("opens Firefox's sidebar, within the call", async () => {
    const { apis, calls } = fakeApis('firefox');
    const opened = openPanel(7, apis);
    expect(calls).toEqual(['sidebarAction.open()']);
    await opened;
  });

  it('does nothing where the browser has no panel for extensions', async () => {
    const { apis, calls } = fakeApis('neither');
    await expect(openPanel(7, apis)).resolves.toBeUndefined();
    expect(calls).toEqual([]);
  });
});
