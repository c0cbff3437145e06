// Flow 4: "Dossier: Search Entities" from the palette, type a name, pick a mention and land on
// it in its article (which was not open before).
import assert from 'node:assert/strict';
import { editorOf, eventually, highlights, openFile, quickInput, quickRows, runFromPalette, selectedText } from './workbench.mjs';
import { typeOfBackground } from './entityColours.mjs';

export const title = 'search from the palette and jump to the result';

export async function run({ page, shot, note }) {
  // Another article is open, so landing in harbour-strike.txt proves the jump.
  await openFile(page, 'rail-inquiry.txt');
  await runFromPalette(page, 'Dossier: Search Entities');
  await quickInput(page).waitFor({ state: 'visible' });
  await page.keyboard.type('Rutte');
  await quickRows(page).filter({ hasText: 'Rutte' }).first().waitFor({ timeout: 20_000 });
  note(`entities: ${JSON.stringify(await quickRows(page).evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-label'))))}`);
  await page.screenshot({ path: shot.replace(/\.png$/, '.picker.png') });
  await page.keyboard.press('Enter');
  // Then the entity's mentions: pick the one in harbour-strike.txt.
  const mention = quickRows(page).filter({ hasText: 'harbour-strike' }).first();
  await mention.waitFor({ timeout: 20_000 });
  note(`mentions: ${JSON.stringify(await quickRows(page).evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-label'))))}`);
  await mention.click();
  const editor = editorOf(page, 'harbour-strike.txt');
  await editor.waitFor({ timeout: 15_000 });
  const selected = await eventually('the mention selected in harbour-strike.txt', async () => {
    const s = await selectedText(editor);
    return s ? s : null;
  }, 10_000);
  note(`landed on ${JSON.stringify(selected)}; status bar: ${await page.locator('#status\\.editor\\.selection').innerText()}`);
  assert.equal(selected, 'Mark Rutte', 'the editor selects exactly the mention picked');
  await eventually('the landed-on mention highlighted as a person', async () =>
    (await highlights(editor)).some((s) => s.text === 'Mark Rutte' && typeOfBackground(s.background) === 'PERSON'));
  await page.screenshot({ path: shot });
}
