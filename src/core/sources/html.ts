// HTML via linkedom (a real parser, no script engine, no network) and Readability (main content).
// Scripts, styles, iframes, forms and javascript: links are removed before anything else reads it.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { blocksOf } from './htmlBlocks';
import { isoDate } from './dates';
import { SourceError, type ExtractedSource, type ExtractLimits } from './types';

const DROPPED = 'script, style, noscript, iframe, frame, frameset, object, embed, applet, form, template, svg, canvas, link, base';

/** Raw script and style bodies go first: a parser reads them as opaque text up to the end tag, as this does. */
function stripRawText(html: string): string {
  return html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ');
}

export function extractHtml(bytes: Uint8Array, limits: ExtractLimits): ExtractedSource {
  const raw = stripRawText(new TextDecoder('utf-8').decode(bytes));
  const { document } = parseHTML(raw);
  for (const el of Array.from(document.querySelectorAll(DROPPED))) el.remove();
  // Site furniture Readability can keep on short pages: navigation, asides, advertisements.
  for (const el of Array.from(document.querySelectorAll('nav, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [class], [id]'))) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (/^(NAV|ASIDE)$/.test(el.tagName) || el.getAttribute('role') || /(^|[\s_-])(ads?|advert\w*|banner|promo|sponsor\w*|cookie\w*|newsletter)([\s_-]|$)/i.test(names)) el.remove();
  }
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    if (/^\s*javascript:/i.test(a.getAttribute('href') ?? '')) a.remove();
  }
  const metaDate = document.querySelector('meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"], meta[name="date"]')?.getAttribute('content');
  const timeDate = document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime');
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const content = article?.content ?? document.body?.innerHTML ?? '';
  const { text: body, blocks } = blocksOf(content, limits.maxChars);
  if (body.length > limits.maxChars) throw new SourceError('too-large', `more than ${limits.maxChars} characters of text; not indexed`);
  const title = (article?.title ?? document.title ?? '').trim();
  // The title leads the text (Readability drops it from the body), shifting the blocks after it.
  const head = title && !body.startsWith(title) ? title + '\n\n' : '';
  const text = head + body;
  const shifted = blocks.map((b) => ({ ...b, start: b.start + head.length, end: b.end + head.length }));
  if (head) shifted.unshift({ tag: 'title', start: 0, end: title.length });
  const fromMeta = isoDate(metaDate);
  const fromTime = fromMeta ? undefined : isoDate(timeDate) ?? isoDate(article?.publishedTime);
  const date = fromMeta ?? fromTime;
  return {
    kind: 'html',
    text,
    blocks: shifted,
    ...(title ? { title } : {}),
    ...(article?.byline ? { byline: article.byline.trim() } : {}),
    ...(date ? { date, dateSource: fromMeta ? 'html-meta' : 'html-time' } : {}),
  };
}
