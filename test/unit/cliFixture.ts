// What the CLI tests share: the repository root, the built `dossier` command, and a throw-away
// copy of samples/ to run it on.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const CLI = path.join(ROOT, 'dist/cli.js');

/** Builds dist/cli.js and its bundles (the tests run the command as users do). */
export function buildCli(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--cli-only'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
}

/** A fresh temporary folder, holding a copy of samples/ unless `empty`. */
export function scratchFolder(prefix: string, empty = false): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (!empty) fs.cpSync(path.join(ROOT, 'samples'), dir, { recursive: true });
  return dir;
}
