// Flow 2: hover a highlighted person and read the card.
import assert from 'node:assert/strict';
import { eventually, highlights, hoverCard, openFile } from './workbench.mjs';
import { typeOfBackground } from './entityColours.mjs';

export const title = 'hover a person and read the card';

const PERSON = 'Marieke de Vries';

export async function run({ page, shot, note }) {
  const editor = await openFile(page, 'harbour-strike.txt');
  await eventually(`${PERSON} highlighted as a person`, async () =>
    (await highlights(editor)).some((s) => s.text === PERSON && typeOfBackground(s.background) === 'PERSON'));
  const text = await hoverCard(page, editor, PERSON, 'Vries');
  note(`hover card: ${JSON.stringify(text.slice(0, 300))}`);
  assert.match(text, /Marieke de Vries/, 'the card names the person');
  assert.match(text, /person/i, 'the card says it is a person');
  await page.screenshot({ path: shot });
}
