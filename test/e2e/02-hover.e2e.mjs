// Flow 2: hover a highlighted person and read the card.
import assert from 'node:assert/strict';
import { eventually, highlights, openFile, textBox } from './workbench.mjs';
import { typeOfBackground } from './entityColours.mjs';

export const title = 'hover a person and read the card';

const PERSON = 'Marieke de Vries';

export async function run({ page, shot, note }) {
  const editor = await openFile(page, 'harbour-strike.txt');
  await eventually(`${PERSON} highlighted as a person`, async () =>
    (await highlights(editor)).some((s) => s.text === PERSON && typeOfBackground(s.background) === 'PERSON'));
  const box = await textBox(editor, PERSON);
  assert.ok(box, `${PERSON} is rendered`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents', { hasText: 'Vries' }).first();
  await hover.waitFor({ timeout: 15_000 });
  const text = (await hover.innerText()).trim();
  note(`hover card: ${JSON.stringify(text.slice(0, 300))}`);
  assert.match(text, /Marieke de Vries/, 'the card names the person');
  assert.match(text, /person/i, 'the card says it is a person');
  // The card fades in: shoot it once it is fully opaque.
  await eventually('the card fully faded in', async () =>
    hover.evaluate((el) => {
      let opacity = 1;
      for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      return opacity > 0.99;
    }), 5_000);
  await page.screenshot({ path: shot });
}
