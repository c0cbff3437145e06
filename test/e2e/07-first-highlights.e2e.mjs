// Flow 7: open an article from the Explorer in a freshly loaded window and see its highlights
// at once, painted from the analysis cache. Measured as a user sees it: from the editor
// appearing to its first decoration, once before the article was ever analysed (the baseline)
// and once in a reloaded window. The figures go to .runs/bench/first-highlights.json (a bench
// line for `npm run bench`), never into an assertion.
/* global performance, requestAnimationFrame -- watchFirstHighlight runs in the page */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../../scripts/test-cs/install.mjs';
import { eventually, highlights, editorOf, openWorkbench, runFromPalette } from './workbench.mjs';

export const title = 'first highlights in a fresh window come from the cache';

// The 10 KB article, read from ../shared at run time (never copied into the repo).
const PARIS = path.resolve(root, '..', 'shared', 'corpus', 'paris-2015.txt');
const FALLBACK = 'rail-inquiry.txt';

/**
 * Resolves in the page with { editorAt, firstAt } (performance.now() ms): when an editor whose
 * active tab is `name` shows its text, and when it shows its first extension decoration.
 */
function watchFirstHighlight(page, name) {
  return page.evaluate(
    (file) =>
      new Promise((resolve) => {
        let editorAt;
        let clock;
        const started = performance.now();
        const tick = () => {
          const group = [...document.querySelectorAll('.editor-group-container')].find((g) => g.querySelector('.tab.active')?.textContent?.includes(file));
          const editor = group?.querySelector('.monaco-editor');
          if (editor && editorAt === undefined && editor.querySelector('.view-line')) {
            editorAt = performance.now();
            clock = Date.now();
          }
          if (editorAt !== undefined) {
            const painted = [...editor.querySelectorAll('.view-overlays div[class*="ced-"]')].some((el) => {
              const bg = getComputedStyle(el).backgroundColor;
              return bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent' && el.getBoundingClientRect().width >= 2;
            });
            if (painted) return resolve({ editorAt, firstAt: performance.now(), clock });
          }
          if (performance.now() - started > 60_000) return resolve({ editorAt, firstAt: undefined, clock });
          requestAnimationFrame(tick);
        };
        tick();
      }),
    name,
  );
}

/** Clicks `name` in the Explorer and returns ms from the editor appearing to its first highlight. */
async function openFromExplorer(page, name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 30_000 });
  const timing = watchFirstHighlight(page, name);
  await row.click();
  const { editorAt, firstAt, clock } = await timing;
  assert.ok(editorAt !== undefined, `the editor of ${name} appears`);
  assert.ok(firstAt !== undefined, `${name} gets highlights`);
  const ms = Math.round(firstAt - editorAt);
  // Wall-clock times, to line up with the extension host's Dossier.log.
  console.log(`    editor of ${name} at ${new Date(clock).toISOString()}, first highlight at ${new Date(clock + ms).toISOString()}`);
  return ms;
}

const texts = async (editor) => [...new Set((await highlights(editor)).map((h) => h.text))].sort();

/** The highlighted texts once they stop changing (the engine's result replaces the cached one). */
async function settled(editor, what) {
  let last = '';
  return eventually(what, async () => {
    const now = JSON.stringify(await texts(editor));
    const same = now === last && now !== '[]';
    last = now;
    return same ? JSON.parse(now) : null;
  });
}

export async function run({ page, shot, note, workspace }) {
  let name = FALLBACK;
  if (fs.existsSync(PARIS)) {
    name = path.basename(PARIS);
    fs.copyFileSync(PARIS, path.join(workspace, name));
  } else note(`${PARIS} is missing: measuring ${FALLBACK} instead`);
  const cacheDir = path.join(workspace, '.dossier', 'cache');
  const cached = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).length : 0);
  const before = cached();

  // 1. A fresh window (loaded after the copy, so the Explorer lists it), an article never
  // analysed: the engine's time (the baseline).
  const url = page.url();
  await openWorkbench(page, url, name);
  const uncachedMs = await openFromExplorer(page, name);
  note(`uncached: first highlight ${uncachedMs} ms after the editor appeared`);
  const engine = await settled(editorOf(page, name), `the highlights of ${name} to settle`);
  await eventually('the analysis to reach .dossier/cache/', async () => cached() > before);

  // 2. The window reloaded with no editor open (as after a restart), the article opened again.
  await runFromPalette(page, 'View: Close All Editors');
  await openWorkbench(page, url, name);
  const cachedMs = await openFromExplorer(page, name);
  note(`cached: first highlight ${cachedMs} ms after the editor appeared`);
  const again = await settled(editorOf(page, name), `the highlights of ${name} to settle after the reload`);
  assert.deepEqual(again, engine, 'the reloaded window shows the same highlights as the engine gave');

  const line = { name: 'first-highlights', value: cachedMs, unit: 'ms', baseline: uncachedMs, ratio: Number((uncachedMs / Math.max(1, cachedMs)).toFixed(2)), file: name };
  fs.mkdirSync(path.join(root, '.runs', 'bench'), { recursive: true });
  fs.writeFileSync(path.join(root, '.runs', 'bench', 'first-highlights.json'), JSON.stringify(line) + '\n');
  note(JSON.stringify(line));
  await page.screenshot({ path: shot });
}
