// Launches Debian's chromium through playwright-core (which ships no browser of its own).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** `run` (from makeRun) keeps chromium's ~/.config and ~/.cache writes inside the run folder. */
export async function launchBrowser(run) {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`no browser at ${chromiumPath}: apt-get install chromium (or set CHROMIUM=)`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    ...(run && {
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(run.dir, 'xdg/config'),
        XDG_CACHE_HOME: path.join(run.dir, 'xdg/cache'),
      },
    }),
    // --no-sandbox: CI containers run as root without user namespaces. The rest keeps an
    // offline machine from waiting on Google services.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Workbench chatter that is not test output (shown with VERBOSE=1). */
export const NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|\[Service Worker\]|ChatSessionStore|getaddrinfo ENOTFOUND open-vsx\.org|\s+at .*workbench\.js)/;
