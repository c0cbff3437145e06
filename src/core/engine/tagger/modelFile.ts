// The model file: a JSON provenance header and the weight table as base64 (quantised Int16,
// sparse). Plain JSON so the CLI, the Node worker and a web worker load it.
import { Perceptron } from './perceptron';

export interface ModelHeader {
  format: 'dossier-tagger/1' | 'dossier-tagger/2';
  features: string;
  datasets: { name: string; licence: string; documents: number; weight: number }[];
  trained: string;
  seed: number;
  epochs: number;
  /** The gate's margin thresholds (combine.ts); null = never. */
  gates: Partial<Record<'add' | 'retype' | 'recut' | 'weakRetype' | 'weakRecut' | `${'retype' | 'add'}${'PERSON' | 'ORG' | 'PLACE'}`, number | null>>;
  [k: string]: unknown;
}

export interface ModelFile {
  header: ModelHeader;
  bits: number;
  scale: number;
  /** 'sparse' (format 2): varint gaps + Int16 values; absent: every slot as Int16. */
  encoding?: 'sparse';
  weights: string;
}

function toBase64(bytes: Uint8Array): string {
  if (typeof Buffer !== 'undefined') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(s: string): Uint8Array {
  if (typeof Buffer !== 'undefined') {
    const b = Buffer.from(s, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Weights are quantised to Int16 against the largest one. Most hash slots stay zero, so they are
 * stored sparse: per non-zero slot, the gap from the previous one as a LEB128 varint, then the
 * Int16 value (little-endian). About a quarter of the dense size, and it decodes in one pass.
 */
export function saveModel(model: Perceptron, header: ModelHeader): ModelFile {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const out: number[] = [];
  let prev = -1;
  for (let i = 0; i < model.weights.length; i++) {
    const q = Math.round(model.weights[i] / scale);
    if (q === 0) continue;
    for (let gap = i - prev - 1; ; gap >>>= 7) {
      if (gap < 0x80) {
        out.push(gap);
        break;
      }
      out.push((gap & 0x7f) | 0x80);
    }
    out.push(q & 0xff, (q >> 8) & 0xff);
    prev = i;
  }
  return { header, bits: Math.log2(model.weights.length), scale, encoding: 'sparse', weights: toBase64(Uint8Array.from(out)) };
}

export function loadModel(file: ModelFile): Perceptron {
  if (!file || typeof file.weights !== 'string' || typeof file.scale !== 'number' || !(file.bits > 0 && file.bits <= 26)) throw new Error('not a Dossier tagger model');
  const bytes = fromBase64(file.weights);
  const w = new Float32Array(1 << file.bits);
  if (file.encoding === 'sparse') {
    let i = -1;
    for (let p = 0; p < bytes.length; ) {
      let gap = 0;
      for (let shift = 0; ; shift += 7) {
        if (p >= bytes.length || shift > 28) throw new Error('tagger model: the weight table is damaged');
        const b = bytes[p++];
        gap |= (b & 0x7f) << shift;
        if (b < 0x80) break;
      }
      i += gap + 1;
      if (i >= w.length || p + 2 > bytes.length) throw new Error('tagger model: the weight table is damaged');
      w[i] = ((bytes[p] | (bytes[p + 1] << 8)) << 16 >> 16) * file.scale;
      p += 2;
    }
    return new Perceptron(w);
  }
  if (bytes.length !== 2 << file.bits) throw new Error(`tagger model: expected ${1 << file.bits} weights, found ${bytes.length / 2}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < w.length; i++) w[i] = dv.getInt16(2 * i, true) * file.scale;
  return new Perceptron(w);
}

/** A short, stable digest of the weights (ENGINE_VERSION carries it). */
export function modelHash(file: ModelFile): string {
  let h = 0x811c9dc5;
  const s = file.weights;
  for (let i = 0; i < s.length; i += 7) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  // Every character of the gates too: the same weights behind another gate give other output.
  const g = JSON.stringify(file.header.gates ?? {});
  for (let i = 0; i < g.length; i++) h = Math.imul(h ^ g.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
