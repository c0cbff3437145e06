// Bundles the extension, its analysis worker and the CLI with esbuild.
// Usage: node scripts/build.mjs [--production] [--cli-only] [--watch]
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};

// The CLI is split so each command parses only what it needs: dist/cli.js answers --version
// alone, dist/cli-program.js defines the commands, each command is its own file, and the engine
// and the source extractors are loaded on first use (a warm `index` never parses them).
const cliCommands = ['extract', 'eval', 'index', 'search', 'export', 'import', 'transfer'];
const cliSplit = {
  name: 'cli-split',
  setup(build) {
    build.onResolve({ filter: /^\.\/program$/ }, () => ({ path: './cli-program.js', external: true }));
    build.onResolve({ filter: /^\.\/commands\/\w+$/ }, (a) => (a.importer.endsWith(path.join('src', 'cli', 'program.ts')) ? { path: `./cli-${a.path.split('/').pop()}.js`, external: true } : undefined));
    // Engine and extractor imports from the CLI go to one shared bundle each (not copied into every
    // command); the engine's version module stays inline, it is all a warm run needs.
    build.onResolve({ filter: /core\/(?:engine|sources)\// }, (a) => {
      if (!a.importer.includes(path.join('src', 'cli') + path.sep) || a.importer.includes(path.join('src', 'cli', 'bundles'))) return undefined;
      if (/core\/engine\/(?:version|tagger\/modelVersion)$/.test(a.path)) return undefined;
      if (/core\/engine\//.test(a.path)) return { path: './cli-engine.js', external: true };
      if (/core\/sources\/(?:index|textCache)$/.test(a.path)) return { path: './cli-sources.js', external: true };
      return undefined;
    });
  },
};
const builds = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [cliSplit] },
  { entryPoints: ['src/cli/program.ts'], outfile: 'dist/cli-program.js', plugins: [cliSplit] },
  ...cliCommands.map((c) => ({ entryPoints: [`src/cli/commands/${c}.ts`], outfile: `dist/cli-${c}.js`, plugins: [cliSplit] })),
  { entryPoints: ['src/cli/bundles/engine.ts'], outfile: 'dist/cli-engine.js' },
  { entryPoints: ['src/cli/bundles/sources.ts'], outfile: 'dist/cli-sources.js' },
  { entryPoints: ['src/cli/analysisWorker.ts'], outfile: 'dist/cli-worker.js', plugins: [cliSplit] },
];
if (!args.has('--cli-only')) {
  builds.push(
    { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
    { entryPoints: ['src/extension/worker/analysisWorker.ts'], outfile: 'dist/worker.js' },
    { entryPoints: ['src/extension/worker/sourcesWorker.ts'], outfile: 'dist/sourcesWorker.js' },
    // Corpus views: scripts and styles loaded by the webviews (browser, no node).
    ...['timeline', 'linkChart', 'placeMap'].map((name) => ({ entryPoints: [`src/webview/${name}.ts`], outfile: `dist/webview/${name}.js`, platform: 'browser', target: 'es2022', format: 'iife' })),
    { entryPoints: ['src/webview/corpusViews.css'], outfile: 'dist/webview/corpusViews.css', platform: 'browser' },
  );
}

const existing = builds.filter((b) => fs.existsSync(path.join(root, b.entryPoints[0])));
if (args.has('--watch')) {
  for (const b of existing) await (await esbuild.context({ ...common, ...b })).watch();
  console.log('watching', existing.map((b) => b.outfile).join(', '));
} else {
  await Promise.all(existing.map((b) => esbuild.build({ ...common, ...b })));
  if (fs.existsSync(path.join(root, 'dist/cli.js'))) fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);
  console.log('built', existing.map((b) => b.outfile).join(', '));
}
