// Flow 6: open the corpus views from the palette: the link chart draws its graph, a click on a
// node opens the article at that entity; the timeline and the map draw too. Screenshots of each.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { eventually, openFile, runFromPalette } from './workbench.mjs';

export const title = 'open the link chart, timeline and map, and jump from a node to the article';

/** The frame of a corpus-view webview (VS Code nests it in two iframes): found by its kind. */
async function webview(page, kind) {
  let found;
  await eventually(`the ${kind} webview`, async () => {
    for (const frame of page.frames()) {
      const k = await frame.evaluate(() => document.body?.dataset.kind).catch(() => undefined);
      if (k === kind) found = frame;
    }
    return Boolean(found);
  }, 60_000);
  return found;
}

export async function run({ page, shot, note, workspace }) {
  // An article first, as a user would: the chart opens beside it.
  await openFile(page, 'harbour-strike.txt');
  await runFromPalette(page, 'Dossier: Show Link Chart');
  const chart = await webview(page, 'linkChart');
  const nodes = chart.locator('svg.graph g.node');
  await nodes.first().waitFor({ timeout: 60_000 });
  // The chart redraws as the index scan finishes: wait until the node count holds still.
  let last = -1;
  await eventually('the link chart to settle', async () => {
    const n = await nodes.count();
    const indexing = await chart.locator('.note', { hasText: 'Indexing' }).count();
    const settled = n === last && indexing === 0;
    last = n;
    await page.waitForTimeout(700);
    return settled;
  }, 60_000);
  note(`link chart: ${await nodes.count()} nodes, ${await chart.locator('svg.graph line.edge').count()} links`);
  assert.ok((await nodes.count()) >= 5, 'the samples give a chart of at least five entities');
  const colour = await chart.evaluate(() => getComputedStyle(document.body).getPropertyValue('--dossier-person'));
  note(`colour of people in the webview: ${JSON.stringify(colour)}`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot });

  // Keyboard: focus the Rotterdam node and press Enter, as a keyboard user would.
  const node = nodes.filter({ has: chart.locator('title', { hasText: 'Rotterdam' }) }).first();
  await node.focus();
  await page.keyboard.press('Enter');
  await eventually('an article opened at Rotterdam', async () => {
    const tab = await page.locator('.tab.active').allTextContents();
    return tab.some((t) => t.includes('harbour-strike.txt'));
  });

  await runFromPalette(page, 'Dossier: Show Timeline');
  const timeline = await webview(page, 'timeline');
  await timeline.locator('li.event').first().waitFor({ timeout: 60_000 });
  const events = await timeline.locator('li.event').count();
  note(`timeline: ${events} events`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(path.dirname(shot), '06-corpus-views.timeline.png') });
  // Drag across the last fifth of the axis: the view zooms to that range and lists fewer events.
  const axis = timeline.locator('svg.timeline');
  const box = await axis.boundingBox();
  await page.mouse.move(box.x + box.width * 0.8, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.9, box.y + 20, { steps: 5 });
  await page.mouse.move(box.x + box.width - 2, box.y + 30, { steps: 5 });
  await page.mouse.up();
  await eventually('the timeline to zoom', async () => (await timeline.locator('li.event').count()) < events);
  note(`zoomed timeline: ${await timeline.locator('li.event').count()} events`);
  await page.screenshot({ path: path.join(path.dirname(shot), '06-corpus-views.timeline-zoomed.png') });
  await timeline.locator('#zoom-reset').click();
  await eventually('the whole timeline again', async () => (await timeline.locator('li.event').count()) === events);

  await runFromPalette(page, 'Dossier: Show Map of Places');
  const map = await webview(page, 'placeMap');
  await map.locator('svg.map g.place').first().waitFor({ timeout: 60_000 });
  note(`map: ${await map.locator('svg.map g.place').count()} places`);
  assert.ok((await map.locator('svg.map path.country').count()) > 100, 'the world outline is drawn');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(path.dirname(shot), '06-corpus-views.map.png') });
  // Keyboard zoom: the places spread apart.
  const spread = async () => map.locator('svg.map g.place').evaluateAll((gs) => {
    const xs = gs.map((g) => g.getBoundingClientRect().x);
    return Math.max(...xs) - Math.min(...xs);
  });
  const before = await spread();
  await map.locator('svg.map').focus();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await eventually('the map to zoom in', async () => (await spread()) > before * 1.5);
  await page.screenshot({ path: path.join(path.dirname(shot), '06-corpus-views.map-zoomed.png') });

  // Hostile text in an article reaches the timeline live, as inert text.
  await runFromPalette(page, 'Dossier: Show Timeline');
  const live = await webview(page, 'timeline');
  fs.writeFileSync(
    path.join(workspace, 'hostile.txt'),
    'Oslo, 5 May 2020 — Officials said <img src=x onerror="window.pwned=1"><script>window.pwned=2</script> nothing.\n',
  );
  await eventually('the hostile article on the timeline', async () => (await live.locator('li.event', { hasText: 'onerror' }).count()) > 0, 60_000);
  const hostile = await live.evaluate(() => ({
    images: document.querySelectorAll('#root img').length,
    scripts: document.querySelectorAll('#root script').length,
    pwned: window.pwned ?? null,
  }));
  note(`hostile text rendered as: ${JSON.stringify(hostile)}`);
  assert.deepEqual(hostile, { images: 0, scripts: 0, pwned: null });
}
