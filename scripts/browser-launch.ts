/** How `npm start` launches the browser: the decisions, kept free of side effects so they can be tested. */
import { createHash } from 'node:crypto';

/** What the launch depends on about this machine. */
export interface LaunchFacts {
  platform: NodeJS.Platform;
  /** The user id (undefined on Windows). */
  uid: number | undefined;
  inContainer: boolean;
}

export type SandboxReason = 'root' | 'container';

/** Files and variables that container runtimes leave behind (Docker, Podman, systemd-nspawn, LXC, Kubernetes). */
const CONTAINER_FILES = ['/.dockerenv', '/run/.containerenv'];
const CONTAINER_CGROUP = /\b(docker|kubepods|containerd|libpod|lxc)\b/;

/** Browser features that would make requests of their own in a development profile. */
const QUIET_BROWSER_FLAGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether Linux processes here run in a container, from what the runtime leaves behind. */
export function detectContainer(
  env: Record<string, string | undefined>,
  files: { exists(path: string): boolean; read(path: string): string | undefined },
): boolean {
  if (env.container) return true;
  if (CONTAINER_FILES.some((path) => files.exists(path))) return true;
  return CONTAINER_CGROUP.test(files.read('/proc/1/cgroup') ?? '');
}

/**
 * Why Chromium must run without its sandbox here, or null: as root it refuses to start with the sandbox, and in a
 * container the sandbox's namespaces are usually not available.
 */
export function sandboxReason(facts: LaunchFacts): SandboxReason | null {
  if (facts.platform !== 'linux') return null;
  if (facts.uid === 0) return 'root';
  return facts.inContainer ? 'container' : null;
}

/** Extra browser flags: the arguments after `--` (npm passes them on), then TACIT_BROWSER_FLAGS split at spaces. */
export function extraBrowserFlags(argv: readonly string[], envFlags: string | undefined): string[] {
  const fromArgs = argv[0] === '--' ? argv.slice(1) : [...argv];
  const fromEnv = (envFlags ?? '').split(/\s+/).filter(Boolean);
  return [...fromArgs, ...fromEnv];
}

/** The browser's command line: the profile, the extension, quiet defaults, the page to open; extra flags come last, so they win. */
export function browserArgs(options: {
  facts: LaunchFacts;
  profile: string;
  extension: string;
  startUrl: string;
  extra: readonly string[];
}): string[] {
  const { facts, profile, extension, startUrl, extra } = options;
  return [
    `--user-data-dir=${profile}`,
    `--load-extension=${extension}`,
    `--disable-extensions-except=${extension}`,
    ...QUIET_BROWSER_FLAGS,
    ...(sandboxReason(facts) ? ['--no-sandbox'] : []),
    // WebGPU is behind a flag on Linux in Chromium builds.
    ...(facts.platform === 'linux' ? ['--enable-unsafe-webgpu', '--enable-features=Vulkan'] : []),
    ...extra,
    startUrl,
  ];
}

/**
 * The id Chromium gives an extension loaded unpacked from `absolutePath` (its real path, symlinks resolved): the first
 * 128 bits of the SHA-256 of the path, written with the letters a–p. Windows hashes the UTF-16 path, drive letter in
 * upper case.
 */
export function unpackedExtensionId(absolutePath: string, platform: NodeJS.Platform): string {
  const path = platform === 'win32' ? absolutePath.replace(/^[a-z]:/, (drive) => drive.toUpperCase()) : absolutePath;
  const bytes = platform === 'win32' ? Buffer.from(path, 'utf16le') : Buffer.from(path, 'utf8');
  return [...createHash('sha256').update(bytes).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');
}
