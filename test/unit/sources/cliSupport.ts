// The built CLI, for the sources tests: built once per test file, then run as a user runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

export function buildCli(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--cli-only'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
}

export function dossier(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
