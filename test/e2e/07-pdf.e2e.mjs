// Flow 7: a PDF dropped into the folder, opened from the Explorer, shows its text highlighted;
// hovering a name shows the card with the page it is on.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { editorOf, eventually, highlights, hoverCard } from './workbench.mjs';
import { typeOfBackground } from './entityColours.mjs';

export const title = 'open a PDF from the Explorer and hover a name';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/sources/two-column.pdf');
const FILE = 'port-review.pdf';
const PERSON = 'Tobias Lindqvist';

export async function run({ page, shot, note, workspace }) {
  fs.copyFileSync(FIXTURE, path.join(workspace, FILE));
  await page.keyboard.press('Control+Shift+E');
  // The file watcher may lag behind a file dropped in from outside: refresh as a user would.
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first();
  await eventually(`${FILE} in the Explorer`, async () => {
    if (await row.isVisible()) return true;
    await page.locator('.explorer-viewlet .pane-header').first().hover();
    await page.locator('[aria-label="Refresh Explorer"]').first().click({ timeout: 5_000 }).catch(() => {});
    return row.isVisible();
  });
  await row.click();
  const editor = editorOf(page, `${FILE}.txt`);
  await editor.locator('.view-line').first().waitFor({ timeout: 30_000 });
  note('the PDF opened as its text');
  await eventually(`${PERSON} highlighted as a person`, async () =>
    (await highlights(editor)).some((s) => s.text === PERSON && typeOfBackground(s.background) === 'PERSON'));
  const text = await hoverCard(page, editor, PERSON, 'Lindqvist');
  note(`hover card: ${JSON.stringify(text.slice(0, 300))}`);
  assert.match(text, /Tobias Lindqvist/, 'the card names the person');
  assert.match(text, /p\. 1/, 'the card names the page');
  assert.match(text, /Open original/, 'the card links to the original');
  await page.screenshot({ path: shot });
}
