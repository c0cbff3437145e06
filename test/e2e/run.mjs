// UI end-to-end runner: installs dossier.vsix into a fresh code-server profile the way a user
// would, opens a fresh copy of samples/, and runs every flow (NN-*.e2e.mjs, in order) in its
// own browser context, so no flow inherits another's editors. Each flow is one test; each
// saves a screenshot to test-results/<run>/. Prints `DOSSIER-UI passed=N failed=M`.
// Usage: node test/e2e/run.mjs [--update-screenshots] [--grep <text>]
//   --update-screenshots  copy each passing flow's screenshot to media/screenshots/ (README)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCodeServer, root } from '../../scripts/test-cs/install.mjs';
import { installExtension, makeRun, pruneOld, startServer } from '../../scripts/test-cs/server.mjs';
import { launchBrowser } from '../../scripts/test-cs/browser.mjs';
import { openWorkbench } from './workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

async function loadFlows(grep) {
  const files = fs.readdirSync(here).filter((f) => /^\d+-.*\.e2e\.mjs$/.test(f)).sort();
  const flows = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(here, f)).href);
    if (!grep || mod.title.includes(grep) || f.includes(grep)) flows.push({ file: f, id: f.replace(/\.e2e\.mjs$/, ''), ...mod });
  }
  return flows;
}

function stamp() {
  return new Date().toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
}

/** Returns { passed, failed, results, shotDir }; a flow failure never throws. */
export async function runUiTests({ vsix = path.join(root, 'dossier.vsix'), grep, updateScreenshots = false, log = console.log } = {}) {
  if (!fs.existsSync(vsix)) throw new Error(`${path.relative(root, vsix)} is missing: run \`npm run package\` first`);
  const flows = await loadFlows(grep);
  if (flows.length === 0) throw new Error(`no UI flow matches ${JSON.stringify(grep)}`);
  const cs = ensureCodeServer({ log });
  const run = makeRun('ui');
  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  pruneOld(path.join(root, 'test-results'), '');
  const shotDir = path.join(root, 'test-results', `${stamp()}-ui`);
  fs.mkdirSync(shotDir, { recursive: true });
  log(`installing ${path.basename(vsix)}: ${installExtension(cs, run, vsix).split('\n').pop()}`);
  const server = await startServer(cs, run, { log });
  const url = `${server.origin}/?folder=${encodeURIComponent(run.workspace)}`;
  const results = [];
  let browser;
  try {
    browser = await launchBrowser(run);
    for (const flow of flows) {
      const t0 = Date.now();
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => log(`    [pageerror] ${e.message}`));
      if (process.env.VERBOSE) page.on('console', (m) => log(`    [console.${m.type()}] ${m.text().slice(0, 300)}`));
      const shot = path.join(shotDir, `${flow.id}.png`);
      const note = (m) => log(`    [${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
      let error = null;
      try {
        await openWorkbench(page, url, 'harbour-strike.txt');
        await flow.run({ page, shot, note, workspace: run.workspace });
        if (!fs.existsSync(shot)) await page.screenshot({ path: shot });
      } catch (e) {
        error = e;
        await page.screenshot({ path: path.join(shotDir, `${flow.id}.failure.png`) }).catch(() => {});
      } finally {
        await context.close().catch(() => {});
      }
      const ms = Date.now() - t0;
      results.push({ flow: flow.id, title: flow.title, ok: !error, ms, error });
      log(`  ${error ? '✗' : '✓'} ${flow.title} (${(ms / 1000).toFixed(1)} s)`);
      if (error) log(`      ${String(error.stack || error).split('\n').slice(0, 6).join('\n      ')}`);
    }
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
  if (updateScreenshots) {
    const media = path.join(root, 'media/screenshots');
    fs.mkdirSync(media, { recursive: true });
    // Each passing flow's shots, without the number: 01-highlights.png -> highlights.png.
    for (const r of results.filter((r) => r.ok)) {
      for (const f of fs.readdirSync(shotDir).filter((f) => f.startsWith(`${r.flow}.`) && !f.includes('.failure.'))) {
        fs.copyFileSync(path.join(shotDir, f), path.join(media, f.replace(/^\d+-/, '')));
      }
    }
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(`DOSSIER-UI passed=${passed} failed=${failed} (screenshots: ${path.relative(root, shotDir)}/, server log: ${path.relative(root, run.log)})`);
  return { passed, failed, results, shotDir };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const grepAt = args.indexOf('--grep');
  try {
    const r = await runUiTests({ updateScreenshots: args.includes('--update-screenshots'), grep: grepAt >= 0 ? args[grepAt + 1] : undefined });
    process.exitCode = r.failed ? 1 : 0;
  } catch (e) {
    console.error(`e2e: ${e.message}`);
    process.exitCode = 1;
  }
}
