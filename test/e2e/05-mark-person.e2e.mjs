// Flow 5: select a word, "Dossier: Mark Selection as Person", and see it highlighted in a second
// article open side by side. The word is a common lower-case one ("delays") that no engine
// tags, so a highlight on it in the other article can only come from the annotation.
import assert from 'node:assert/strict';
import { editorOf, eventually, highlights, openFile, quickInput, runFromPalette, textBox } from './workbench.mjs';
import { typeOfBackground } from './entityColours.mjs';

export const title = 'mark a selection as a person and see it highlighted in a second document';

const WORD = 'delays';
const isPersonHighlight = (spans) => spans.some((s) => s.text === WORD && typeOfBackground(s.background) === 'PERSON');

export async function run({ page, shot, note }) {
  const other = await openFile(page, 'rail-inquiry.txt');
  const here = await openFile(page, 'harbour-strike.txt', { toSide: true });
  await eventually('both articles analysed', async () => (await highlights(here)).length > 0 && (await highlights(other)).length > 0);
  assert.ok(!isPersonHighlight(await highlights(other)), `"${WORD}" is not a person before the annotation`);

  const box = await textBox(here, WORD);
  assert.ok(box, `"${WORD}" is rendered in harbour-strike.txt`);
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await runFromPalette(page, 'Dossier: Mark Selection as Person');
  // The command may ask for a canonical name; accept its suggestion.
  if (await quickInput(page).isVisible().catch(() => false)) await page.keyboard.press('Enter');

  await eventually(`"${WORD}" highlighted as a person in harbour-strike.txt`, async () => isPersonHighlight(await highlights(here)));
  await eventually(`"${WORD}" highlighted as a person in rail-inquiry.txt`, async () =>
    isPersonHighlight(await highlights(editorOf(page, 'rail-inquiry.txt'))));
  note(`"${WORD}" is a person in both articles`);
  await page.screenshot({ path: shot });
}
