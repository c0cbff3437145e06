// Content hashes for cache keys and change checks. Pure JS (cyrb53 twice, 106 bits) so the core
// also runs where node:crypto does not (browser worker); collisions are irrelevant at corpus scale.

function cyrb53(s: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** 28 hex characters. */
export function contentHash(s: string): string {
  return cyrb53(s, 0) + cyrb53(s, 0x9e3779b9);
}

/** A fresh "urn:uuid:…" id for annotations. */
export function newAnnotationId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return `urn:uuid:${c.randomUUID()}`;
  const hex = () => Math.floor(Math.random() * 0x10000).toString(16).padStart(4, '0');
  return `urn:uuid:${hex()}${hex()}-${hex()}-4${hex().slice(1)}-a${hex().slice(1)}-${hex()}${hex()}${hex()}`;
}
