// Flow 8: who said what. Open an article, open the Quotes view in the Dossier sidebar, expand a
// speaker to their quotes (each with file:line), and click one: the article opens at the quote.
import assert from 'node:assert/strict';
import { editorOf, eventually, openFile } from './workbench.mjs';

export const title = 'open the Quotes view, expand a speaker and open a quote';

const SPEAKER = 'Amina Diallo';
const FILE = 'water-summit.md';
const OTHER = 'Marieke de Vries';

export async function run({ page, shot, note }) {
  await openFile(page, FILE);
  await page.locator('.activitybar .action-item a[aria-label^="Dossier"], .activitybar .action-item[aria-label^="Dossier"]').first().click();
  const header = (name) => page.locator('.sidebar .pane-header', { hasText: name }).first();
  await header('Quotes').waitFor({ timeout: 30_000 });
  if ((await header('Quotes').getAttribute('aria-expanded')) !== 'true') await header('Quotes').click();
  const pane = page.locator('.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Quotes' }) }).first();
  const rows = pane.locator('.monaco-list-row');
  const speaker = rows.filter({ hasText: SPEAKER }).first();
  await speaker.waitFor({ timeout: 60_000 });
  // Workspace scope: once the scan is done, speakers of the other articles are listed too.
  await eventually('speakers from another article', async () => (await rows.filter({ hasText: OTHER }).count()) > 0, 120_000);
  if ((await speaker.getAttribute('aria-expanded')) !== 'true') await speaker.locator('.monaco-tl-twistie').click();
  await eventually(`${SPEAKER} expanded`, async () => (await speaker.getAttribute('aria-expanded')) === 'true');
  const level = Number(await speaker.getAttribute('aria-level'));
  const quotes = pane.locator(`.monaco-list-row[aria-level="${level + 1}"]`);
  await quotes.first().waitFor({ timeout: 10_000 });
  const labels = await rows.evaluateAll((rs) => rs.map((r) => `${r.getAttribute('aria-level')}:${r.textContent}`));
  note(`quote rows: ${JSON.stringify(labels)}`);
  const era = quotes.filter({ hasText: 'ends the era of guessing' }).first();
  assert.match((await era.textContent()) ?? '', new RegExp(`${FILE.replace('.', '\\.')}:\\d+`), 'each quote shows file:line');
  await era.click();
  await editorOf(page, FILE).waitFor({ timeout: 10_000 }); // the article is the active editor
  // The whole quote is selected: the status bar counts its characters (the selection wraps over two lines, where
  // reading the selected text back from the rendered lines is unreliable).
  const quoteText = /“(.*)”/.exec((await era.textContent()) ?? '')?.[1] ?? '';
  const status = page.locator('#status\\.editor\\.selection');
  await eventually('the quote selected in the article', async () => (await status.innerText()).includes(`(${quoteText.length} selected)`));
  await page.screenshot({ path: shot });
}
