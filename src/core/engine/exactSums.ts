// Whether a tagger's scores are the same whatever order its features are summed in. The shipped
// model's weights are quantised (Int16 times one scale): each is a whole multiple of one small
// unit, so every partial sum of a token's features is too, and float64 holds it exactly while it
// stays under 2^53 units. Then the document-level facts' order (which type of a word came first)
// cannot change a tagging, only the set of types can: an edit that reorders the first occurrences
// of a frequent word's types need not re-tag every paragraph that contains the word.

/** Features a token may have for the guarantee to hold (the template gives far fewer). */
export const MAX_FEATURES = 1024;

const known = new WeakMap<Float32Array, boolean>();

export function orderFreeSums(weights: Float32Array): boolean {
  let answer = known.get(weights);
  if (answer === undefined) known.set(weights, (answer = check(weights)));
  return answer;
}

function check(weights: Float32Array): boolean {
  let minAbs = Infinity;
  let maxAbs = 0;
  for (let i = 0; i < weights.length; i++) {
    const a = Math.abs(weights[i]);
    if (a === 0) continue;
    if (a < minAbs) minAbs = a;
    if (a > maxAbs) maxAbs = a;
  }
  if (maxAbs === 0) return true;
  if (!Number.isFinite(maxAbs)) return false;
  // A float32 of magnitude >= minAbs is a multiple of its exponent's ulp, 2^(floor(log2 minAbs) - 23).
  const unit = 2 ** (Math.floor(Math.log2(minAbs)) - 24);
  for (let i = 0; i < weights.length; i++) if (weights[i] !== 0 && !Number.isInteger(weights[i] / unit)) return false;
  return (maxAbs / unit) * MAX_FEATURES < 2 ** 53;
}
