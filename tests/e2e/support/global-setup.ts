import { execFileSync } from 'node:child_process';
import caSetup from '../../setup/global-setup.ts';
import { findChromium } from './chromium.ts';

/** Before the e2e files: a browser must exist (say how to get one if not), the sandbox CA, and a fresh e2e build. */
export default async function setup(): Promise<() => void> {
  findChromium();
  const teardown = await caSetup();
  if (process.env.STINT_SKIP_BUILD !== '1') {
    execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return teardown;
}
