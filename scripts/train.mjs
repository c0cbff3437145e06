// `npm run train`: bundles scripts/train/main.ts with esbuild and runs it (see that file).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'dist', 'train.js');
await esbuild.build({ entryPoints: [path.join(root, 'scripts/train/main.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', absWorkingDir: root });
// __dirname of the bundle is dist/, so main.ts's `root` (its parent) is the repository.
const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
