// Entity links in researchers' own notes: `[[Entity Name]]`, `[[person:Entity Name]]` and
// `[[Entity Name|shown text]]`. Pure parsing, so the extension, the CLI and tests share it.
import { EntityType, entityId, foldKey } from './model';

export interface EntityLink {
  /** Offsets of the whole `[[…]]`, end-exclusive (UTF-16, like Mention). */
  start: number;
  end: number;
  /** Offsets of the name inside the brackets (without type prefix and label). */
  nameStart: number;
  nameEnd: number;
  /** The name as written, trimmed. */
  name: string;
  /** Set when the link carries a type prefix (`person:`, `org:`, …). */
  type?: EntityType;
  /** Text after `|`, when given. */
  label?: string;
}

/**
 * Type prefixes researchers may write. Several spellings per type so that British and
 * American notes both work; the canonical one is first (used when rendering links).
 */
export const LINK_TYPE_PREFIXES: Record<EntityType, readonly string[]> = {
  PERSON: ['person', 'p', 'people'],
  ORG: ['org', 'o', 'organisation', 'organization'],
  PLACE: ['place', 'l', 'location', 'loc'],
  DATE: ['date', 'd'],
};

const PREFIX_TO_TYPE = new Map<string, EntityType>(
  (Object.entries(LINK_TYPE_PREFIXES) as [EntityType, readonly string[]][]).flatMap(([type, prefixes]) =>
    prefixes.map((p) => [p, type] as [string, EntityType]),
  ),
);

/** `person` -> PERSON; unknown prefixes give undefined (the colon then belongs to the name). */
export function linkTypeOfPrefix(prefix: string): EntityType | undefined {
  return PREFIX_TO_TYPE.get(prefix.trim().toLowerCase());
}

// A link never spans lines and never contains brackets: an unclosed `[[` must not swallow
// the rest of a note. 200 characters is far longer than any entity name.
const LINK = /\[\[([^[\]\n\r]{1,200}?)\]\]/g;

/** Every well-formed link in `text`, in order. Empty links (`[[ ]]`) are not links. */
export function parseEntityLinks(text: string): EntityLink[] {
  const links: EntityLink[] = [];
  LINK.lastIndex = 0;
  for (let m = LINK.exec(text); m; m = LINK.exec(text)) {
    const link = parseLinkBody(m[1], m.index + 2);
    if (link) links.push({ ...link, start: m.index, end: m.index + m[0].length });
  }
  return links;
}

/** The link whose brackets contain `offset` (inclusive of both ends), if any. */
export function entityLinkAt(text: string, offset: number): EntityLink | undefined {
  // Only the offset's line can hold the link, which keeps hovers cheap on long notes.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl < 0 ? text.length : nl;
  return parseEntityLinks(text.slice(lineStart, lineEnd))
    .map((l) => shift(l, lineStart))
    .find((l) => l.start <= offset && offset <= l.end);
}

function parseLinkBody(body: string, bodyStart: number): Omit<EntityLink, 'start' | 'end'> | undefined {
  const bar = body.indexOf('|');
  const target = bar < 0 ? body : body.slice(0, bar);
  const label = bar < 0 ? undefined : body.slice(bar + 1).trim();
  let nameOffset = 0;
  let type: EntityType | undefined;
  const colon = target.indexOf(':');
  if (colon > 0) {
    type = linkTypeOfPrefix(target.slice(0, colon));
    if (type) nameOffset = colon + 1;
  }
  const raw = target.slice(nameOffset);
  const name = raw.trim();
  if (!name) return undefined;
  const nameStart = bodyStart + nameOffset + (raw.length - raw.trimStart().length);
  return {
    nameStart,
    nameEnd: nameStart + name.length,
    name,
    ...(type ? { type } : {}),
    ...(label ? { label } : {}),
  };
}

function shift(l: EntityLink, by: number): EntityLink {
  return { ...l, start: l.start + by, end: l.end + by, nameStart: l.nameStart + by, nameEnd: l.nameEnd + by };
}

/**
 * What the user is typing inside an unclosed `[[` just before the cursor, for completion:
 * `lineBefore` is the line's text up to the cursor. Returns the typed partial name, the
 * offset (within the line) where the name starts, and the type filter from a prefix.
 */
export function linkCompletionContext(
  lineBefore: string,
): { partial: string; nameStart: number; type?: EntityType } | undefined {
  const open = lineBefore.lastIndexOf('[[');
  if (open < 0) return undefined;
  const body = lineBefore.slice(open + 2);
  if (/[[\]|]/.test(body)) return undefined; // closed, nested, or already past the name
  const colon = body.indexOf(':');
  const type = colon > 0 ? linkTypeOfPrefix(body.slice(0, colon)) : undefined;
  const nameOffset = type ? colon + 1 : 0;
  return { partial: body.slice(nameOffset), nameStart: open + 2 + nameOffset, ...(type ? { type } : {}) };
}

/**
 * Candidate entity ids a link may point to, most specific first: with a type prefix the id
 * derived from type + name; without one, the id under each type. The caller keeps the
 * first that exists in the index and falls back to an alias search (see linkMatchesName).
 */
export function candidateEntityIds(link: Pick<EntityLink, 'name' | 'type'>): string[] {
  const types: EntityType[] = link.type ? [link.type] : ['PERSON', 'ORG', 'PLACE', 'DATE'];
  return types.map((t) => entityId(t, link.name));
}

/** Whether a link's name designates a surface form (accent- and case-folded). */
export function linkMatchesName(link: Pick<EntityLink, 'name'>, surface: string): boolean {
  return foldKey(link.name) === foldKey(surface);
}

/** The text to insert for a link to an entity, with a type prefix when `typed`. */
export function formatEntityLink(name: string, type?: EntityType): string {
  return type ? `[[${LINK_TYPE_PREFIXES[type][0]}:${name}]]` : `[[${name}]]`;
}
