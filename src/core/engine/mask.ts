// Turns the raw document into an equal-length "analysable" string: markup, front matter, fenced
// code, CR and control characters become spaces, so every offset found later is an offset into
// the caller's exact text and Markdown syntax can never end up inside a span.

export interface MaskedText {
  /** Same length as the input; only letters the engine may read survive. */
  text: string;
  isMarkdown: boolean;
  /** Raw front matter body (between the --- fences), when present. */
  frontMatter: string | null;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function blank(s: string): string {
  // Keep newlines so paragraph and line boundaries survive the mask.
  return s.replace(/[^\n]/g, ' ');
}

export function maskText(raw: string, languageId?: string): MaskedText {
  // Control characters (NUL, CR, ...) would confuse the tokenizer; a space keeps every offset.
  // eslint-disable-next-line no-control-regex
  let text = raw.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b\u2028\u2029]/g, ' ');
  const fm = FRONT_MATTER.exec(text);
  const isMarkdown = languageId === 'markdown' || fm !== null;
  const frontMatter = fm ? fm[1] : null;
  if (fm) text = blank(fm[0]) + text.slice(fm[0].length);
  if (isMarkdown) text = maskMarkdown(text);
  return { text, isMarkdown, frontMatter };
}

function maskMarkdown(text: string): string {
  // Fenced code blocks: nothing inside is prose.
  text = text.replace(/^([ \t]*)(```|~~~)[^\n]*\n[\s\S]*?(?:^[ \t]*\2[^\n]*$|(?![\s\S]))/gm, (m) => blank(m));
  // HTML comments and tags, inline code, images, link targets, autolinks.
  text = text.replace(/<!--[\s\S]*?-->/g, (m) => blank(m));
  text = text.replace(/`[^`\n]*`/g, (m) => blank(m));
  text = text.replace(/<\/?[A-Za-z][^>\n]*>/g, (m) => blank(m));
  text = text.replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, (m) => blank(m));
  text = text.replace(/\]\([^)\n]*\)/g, (m) => ' ' + blank(m.slice(1)));
  text = text.replace(/^\[[^\]\n]+\]:[^\n]*$/gm, (m) => blank(m));
  // Line-leading structure: headings, quotes, list markers, tables, rules.
  text = text.replace(/^([ \t]*)((?:>[ \t]?)*)(#{1,6}[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t])?/gm, (m) => blank(m));
  text = text.replace(/^[ \t]*([-*_=][ \t]*){3,}$/gm, (m) => blank(m));
  // Emphasis and link brackets: the characters only, never the words between them.
  text = text.replace(/(\*{1,3}|_{1,3}|~~)(?=\S)|(?<=\S)(\*{1,3}|_{1,3}|~~)/g, (m) => blank(m));
  text = text.replace(/[[\]|]/g, ' ');
  return text;
}
