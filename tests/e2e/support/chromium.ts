import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Chromium or Chrome usually lives; `CHROMIUM_PATH` wins. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but nothing is there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    [
      'No Chromium or Chrome found. Install one, then run the command again:',
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
      '  Fedora:         sudo dnf install chromium',
      '  macOS:          brew install --cask chromium',
      'or point CHROMIUM_PATH at a Chromium/Chrome binary (branded Chrome ≥ 137 ignores --load-extension; prefer Chromium).',
    ].join('\n'),
  );
}

export interface LaunchOptions {
  readonly extensionDir: string;
  readonly profileDir: string;
  /** `--host-resolver-rules`: the real provider hosts mapped to the sandbox. */
  readonly hostResolverRules: string;
  readonly headless: boolean;
  readonly viewport?: { width: number; height: number };
  /** The browser's UI language (`de`), which picks Stint's `_locales`; default: the machine's (English here). */
  readonly lang?: string;
}

/** Chromium with Stint loaded, on a closed network (see shared TOOLING.md for why each flag is here). */
export function launchChromium(options: LaunchOptions): Promise<BrowserContext> {
  return chromium.launchPersistentContext(options.profileDir, {
    executablePath: findChromium(),
    headless: options.headless,
    ignoreDefaultArgs: ['--disable-extensions'],
    ignoreHTTPSErrors: true,
    viewport: options.viewport ?? { width: 1280, height: 860 },
    // Chromium on Linux takes its UI language from LANGUAGE as well as --lang; set both so either wins.
    ...(options.lang ? { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang } } : {}),
    args: [
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      `--host-resolver-rules=${options.hostResolverRules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
