// Flow 3: open the Dossier sidebar from the activity bar and expand an entity to its mentions.
import assert from 'node:assert/strict';
import { eventually, openFile } from './workbench.mjs';

export const title = 'open the sidebar and expand an entity';

const ENTITY = 'Marieke de Vries';

export async function run({ page, shot, note }) {
  await openFile(page, 'harbour-strike.txt');
  await page.locator('.activitybar .action-item a[aria-label^="Dossier"], .activitybar .action-item[aria-label^="Dossier"]').first().click();
  const pane = page.locator('.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Entities' }) }).first();
  const rows = pane.locator('.monaco-list-row');
  await rows.first().waitFor({ timeout: 30_000 });
  // The tree groups entities under their type: open groups until the entity shows up.
  const entityRow = rows.filter({ hasText: ENTITY }).first();
  await eventually(`${ENTITY} in the Entities view`, async () => {
    if (await entityRow.count()) return true;
    const closed = rows.locator('xpath=self::*[@aria-expanded="false"]');
    if (await closed.count()) await closed.first().locator('.monaco-tl-twistie').click();
    return false;
  });
  const level = Number(await entityRow.getAttribute('aria-level'));
  if ((await entityRow.getAttribute('aria-expanded')) !== 'true') await entityRow.locator('.monaco-tl-twistie').click();
  await eventually(`${ENTITY} expanded`, async () => (await entityRow.getAttribute('aria-expanded')) === 'true');
  const children = pane.locator(`.monaco-list-row[aria-level="${level + 1}"]`);
  await children.first().waitFor({ timeout: 10_000 });
  const labels = await rows.evaluateAll((rs) => rs.map((r) => `${r.getAttribute('aria-level')}:${r.textContent}`));
  note(`tree rows: ${JSON.stringify(labels)}`);
  assert.ok((await children.count()) >= 1, `${ENTITY} has at least one child row (its mentions)`);
  await page.screenshot({ path: shot });
}
