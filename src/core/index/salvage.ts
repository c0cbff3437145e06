// Recovers what it can from a damaged JSON file (truncated by a crash, a bad merge conflict):
// every complete object found inside the top-level array named `key`.

export function salvageObjects(text: string): unknown[] {
  const found: unknown[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let objectStart = -1;
  // Objects that are elements of an array nested in the root object sit at depth 2 when opened.
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (c === '{' && depth === 2) objectStart = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (c === '}' && depth === 2 && objectStart >= 0) {
        try {
          found.push(JSON.parse(text.slice(objectStart, i + 1)));
        } catch {
          // a damaged element: skip it, the caller reports the shortfall
        }
        objectStart = -1;
      }
    }
  }
  return found;
}
