import { describe, expect, it } from 'vitest';
import {
  browserArgs,
  detectContainer,
  extraBrowserFlags,
  sandboxReason,
  unpackedExtensionId,
  type LaunchFacts,
} from '../../scripts/browser-launch';

const DESKTOP: LaunchFacts = { platform: 'linux', uid: 1000, inContainer: false };

function filesWith(contents: Record<string, string>) {
  return { exists: (path: string) => path in contents, read: (path: string) => contents[path] };
}

describe('sandboxReason', () => {
  it('keeps the sandbox for a normal user on a desktop, and everywhere but Linux', () => {
    expect(sandboxReason(DESKTOP)).toBeNull();
    expect(sandboxReason({ platform: 'darwin', uid: 0, inContainer: false })).toBeNull();
    expect(sandboxReason({ platform: 'win32', uid: undefined, inContainer: true })).toBeNull();
  });

  it('drops it for root and in a container', () => {
    expect(sandboxReason({ ...DESKTOP, uid: 0 })).toBe('root');
    expect(sandboxReason({ ...DESKTOP, uid: 0, inContainer: true })).toBe('root');
    expect(sandboxReason({ ...DESKTOP, inContainer: true })).toBe('container');
  });
});

describe('detectContainer', () => {
  it('recognises Docker, Podman, systemd-nspawn and Kubernetes', () => {
    expect(detectContainer({}, filesWith({ '/.dockerenv': '' }))).toBe(true);
    expect(detectContainer({}, filesWith({ '/run/.containerenv': '' }))).toBe(true);
    expect(detectContainer({ container: 'systemd-nspawn' }, filesWith({}))).toBe(true);
    expect(detectContainer({}, filesWith({ '/proc/1/cgroup': '12:pids:/kubepods/burstable/pod1/abc\n' }))).toBe(true);
  });

  it('sees no container on an ordinary machine', () => {
    expect(detectContainer({}, filesWith({ '/proc/1/cgroup': '0::/init.scope\n' }))).toBe(false);
    expect(detectContainer({ container: '' }, filesWith({}))).toBe(false);
  });
});

describe('browserArgs', () => {
  const base = { profile: '/p', extension: '/ext', startUrl: 'chrome-extension://id/welcome.html', extra: [] };

  it('passes --no-sandbox only when needed, quiet defaults always, and the start page last', () => {
    const desktop = browserArgs({ ...base, facts: DESKTOP });
    expect(desktop).not.toContain('--no-sandbox');
    expect(desktop).toEqual(
      expect.arrayContaining(['--user-data-dir=/p', '--load-extension=/ext', '--disable-background-networking']),
    );
    expect(desktop.at(-1)).toBe('chrome-extension://id/welcome.html');
    expect(browserArgs({ ...base, facts: { ...DESKTOP, inContainer: true } })).toContain('--no-sandbox');
  });

  it('puts extra flags after its own, so they win', () => {
    const args = browserArgs({ ...base, facts: DESKTOP, extra: ['--enable-features=Foo', '--lang=de'] });
    expect(args.slice(-3)).toEqual(['--enable-features=Foo', '--lang=de', 'chrome-extension://id/welcome.html']);
    expect(args.indexOf('--enable-features=Vulkan')).toBeLessThan(args.indexOf('--enable-features=Foo'));
  });
});

describe('extraBrowserFlags', () => {
  it('takes the arguments after -- and the environment variable', () => {
    expect(extraBrowserFlags(['--', '--lang=de'], ' --ozone-platform=x11  --foo ')).toEqual([
      '--lang=de',
      '--ozone-platform=x11',
      '--foo',
    ]);
    expect(extraBrowserFlags(['--lang=de'], undefined)).toEqual(['--lang=de']);
    expect(extraBrowserFlags([], undefined)).toEqual([]);
  });
});

describe('unpackedExtensionId', () => {
  it('is 32 letters a–p, and differs by path and by platform encoding', () => {
    const id = unpackedExtensionId('/home/ana/tacit/.output/chrome-mv3', 'linux');
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(unpackedExtensionId('/home/ana/tacit/.output/chrome-mv3-e2e', 'linux')).not.toBe(id);
    expect(unpackedExtensionId('c:\\tacit', 'win32')).toBe(unpackedExtensionId('C:\\tacit', 'win32'));
    expect(unpackedExtensionId('C:\\tacit', 'win32')).not.toBe(unpackedExtensionId('C:\\tacit', 'linux'));
  });
});
