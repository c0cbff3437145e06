// What a user does in the workbench, in playwright terms: open a file, run a palette command,
// read what is highlighted. Selectors are VS Code 1.100 DOM internals (code-server 4.100.3 is
// pinned for that reason): re-check them when the version moves.

/** Opens the workbench on the workspace and waits until the explorer lists `expectFile`. */
export async function openWorkbench(page, url, expectFile) {
  // A loaded machine can take longer than playwright's 30 s default to serve the workbench.
  await page.goto(url, { timeout: 120_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: expectFile }).waitFor({ timeout: 60_000 });
  // Keyboard shortcuts go nowhere until something in the workbench has focus.
  await page.locator('.monaco-workbench .part.editor').click({ position: { x: 300, y: 300 } }).catch(() => {});
}

const quickInput = (page) => page.locator('.quick-input-widget .quick-input-box input');
const quickRows = (page) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row');

/** Quick Open (Ctrl+P) a file by name; `toSide` opens it in a new editor group on the right. */
export async function openFile(page, name, { toSide = false } = {}) {
  await page.keyboard.press('Control+P');
  await quickInput(page).waitFor({ state: 'visible' });
  await quickInput(page).fill(name);
  await quickRows(page).filter({ hasText: name }).first().waitFor();
  await page.keyboard.press(toSide ? 'Control+Enter' : 'Enter');
  const editor = editorOf(page, name);
  await editor.locator('.view-line').first().waitFor({ timeout: 30_000 });
  return editor;
}

/** The editor (in whichever group) whose active tab is `name`. */
export function editorOf(page, name) {
  return page
    .locator('.editor-group-container', { has: page.locator('.tab.active', { hasText: name }) })
    .locator('.monaco-editor')
    .first();
}

/** Runs a command through the palette (F1), exactly as a user would. */
export async function runFromPalette(page, label) {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) {
      // Keys pressed while a webview has focus can stay inside its iframe, and a webview that
      // takes focus as it loads closes the palette: a user would click the workbench and
      // press F1 again. The window title is a spot where a click does nothing else.
      console.log(`    (palette did not take "${label}": ${lastError?.message.split('\n')[0]}; clicking the workbench and retrying)`);
      await page.keyboard.press('Escape');
      // A plain mouse click at the title's place: no actionability wait, which a webview
      // overlay or an animation could stall.
      const box = await page.locator('.part.titlebar .window-title').first().boundingBox().catch(() => null);
      await page.mouse.click(box ? box.x + box.width / 2 : (page.viewportSize()?.width ?? 1400) / 2, box ? box.y + box.height / 2 : 12);
    }
    await page.keyboard.press('F1');
    try {
      await quickInput(page).waitFor({ state: 'visible', timeout: 5_000 });
      await quickInput(page).fill('>' + label, { timeout: 5_000 });
      await quickRows(page).filter({ hasText: label }).first().waitFor({ timeout: 10_000 });
    } catch (e) {
      lastError = e;
      continue;
    }
    await page.keyboard.press('Enter');
    return;
  }
  throw new Error(`could not run "${label}" from the palette after 3 attempts: ${lastError?.message.split('\n')[0]}`);
}

export { quickInput, quickRows };

/**
 * Every background decoration an extension drew in `editor`, with the text under it:
 * [{ text, background, line }]. Extension decorations are overlay divs with a `ced-` class
 * (rendered behind the text); the text is read back with caretRangeFromPoint at both edges.
 */
export async function highlights(editor) {
  return editor.evaluate((root) => {
    const transparent = new Set(['rgba(0, 0, 0, 0)', 'transparent']);
    // The text cursor is drawn over the text and would catch the hit test at a span's edge.
    const cursors = root.querySelector('.cursors-layer');
    if (cursors) cursors.style.visibility = 'hidden';
    const out = [];
    try {
      for (const el of root.querySelectorAll('.view-overlays div[class*="ced-"]')) {
        const background = getComputedStyle(el).backgroundColor;
        if (transparent.has(background)) continue;
        const r = el.getBoundingClientRect();
        if (r.width < 2) continue;
        const y = r.top + r.height / 2;
        const a = document.caretRangeFromPoint(r.left + 1, y);
        const b = document.caretRangeFromPoint(r.right - 1, y);
        if (!a || !b) continue;
        const range = document.createRange();
        range.setStart(a.startContainer, a.startOffset);
        range.setEnd(b.startContainer, b.startOffset);
        out.push({ text: range.toString().replace(/\u00a0/g, ' '), background, className: el.className });
      }
    } finally {
      if (cursors) cursors.style.visibility = '';
    }
    return out;
  });
}

/** Screen box of the `nth` occurrence of `text` in the rendered lines of `editor`. */
export async function textBox(editor, text, nth = 0) {
  return editor.evaluate(
    (root, [needle, n]) => {
      let seen = 0;
      for (const line of root.querySelectorAll('.view-lines .view-line')) {
        const walker = document.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
        // Monaco splits a line into token spans: search the line's whole text, then map back.
        const nodes = [];
        let full = '';
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          nodes.push([t, full.length]);
          // Monaco may render spaces as no-break spaces.
          full += t.textContent.replace(/\u00a0/g, ' ');
        }
        for (let i = full.indexOf(needle); i >= 0; i = full.indexOf(needle, i + 1)) {
          if (seen++ !== n) continue;
          // A start offset belongs to the node it begins, an end offset to the node it closes.
          const at = (off, isEnd) => {
            const [node, base] = nodes.find(([t, b]) => (isEnd ? off > b && off <= b + t.length : off >= b && off < b + t.length));
            return [node, off - base];
          };
          const range = document.createRange();
          range.setStart(...at(i, false));
          range.setEnd(...at(i + needle.length, true));
          const r = range.getBoundingClientRect();
          return { x: r.left, y: r.top, width: r.width, height: r.height };
        }
      }
      return null;
    },
    [text, nth],
  );
}

/** Polls `probe` (async, returns a value or a falsy one) until it yields, or fails with `what`. */
export async function eventually(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The text currently selected in `editor`, read from its selection overlays. */
export async function selectedText(editor) {
  return editor.evaluate((root) => {
    const cursors = root.querySelector('.cursors-layer');
    if (cursors) cursors.style.visibility = 'hidden';
    const parts = [];
    try {
      for (const el of root.querySelectorAll('.view-overlays .selected-text')) {
        const r = el.getBoundingClientRect();
        const y = r.top + r.height / 2;
        const a = document.caretRangeFromPoint(r.left + 1, y);
        const b = document.caretRangeFromPoint(r.right - 1, y);
        if (!a || !b) continue;
        const range = document.createRange();
        range.setStart(a.startContainer, a.startOffset);
        range.setEnd(b.startContainer, b.startOffset);
        parts.push(range.toString().replace(/\u00a0/g, ' '));
      }
    } finally {
      if (cursors) cursors.style.visibility = '';
    }
    return parts.join(' ');
  });
}

/**
 * Moves the mouse onto `text` in `editor` and waits for the hover card that contains `hasText`,
 * fully faded in (ready for a screenshot). Returns the card's text.
 */
export async function hoverCard(page, editor, text, hasText) {
  const box = await textBox(editor, text);
  if (!box) throw new Error(`"${text}" is not rendered`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents', { hasText }).first();
  await hover.waitFor({ timeout: 15_000 });
  await eventually('the card fully faded in', async () =>
    hover.evaluate((el) => {
      let opacity = 1;
      for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      return opacity > 0.99;
    }), 5_000);
  return (await hover.innerText()).trim();
}
