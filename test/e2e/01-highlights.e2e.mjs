// Flow 1: open an article and see its entities highlighted, each in its type's colour.
import assert from 'node:assert/strict';
import { eventually, highlights, openFile } from './workbench.mjs';
import { typeOfBackground } from './entityColours.mjs';

export const title = 'open an article and see highlights';

export async function run({ page, shot, note }) {
  const editor = await openFile(page, 'harbour-strike.txt');
  // Analysis runs in a worker after the editor opens: wait for decorations to arrive.
  const spans = await eventually('at least 5 highlighted entities in harbour-strike.txt', async () => {
    const h = await highlights(editor);
    return h.length >= 5 ? h : null;
  });
  const typed = spans.map((s) => ({ text: s.text, type: typeOfBackground(s.background) }));
  note(`${typed.length} highlights: ${typed.map((s) => `${s.text}/${s.type}`).join(', ')}`);
  assert.deepEqual(typed.filter((s) => !s.type), [], 'every highlight is drawn in an entity colour or the quote colour');
  assert.deepEqual(typed.filter((s) => !s.text.trim()), [], 'every highlight covers text');
  // Unambiguous names of the article, as a reader would point them out.
  const has = (text, type) => typed.some((s) => s.text === text && s.type === type);
  assert.ok(has('Rotterdam', 'PLACE'), 'Rotterdam is highlighted as a place');
  assert.ok(has('Marieke de Vries', 'PERSON'), 'Marieke de Vries is highlighted as a person');
  await page.screenshot({ path: shot });
}
