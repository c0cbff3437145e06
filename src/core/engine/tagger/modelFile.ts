// The model file: a JSON provenance header and the weight table as base64 Int16 (quantised
// against the largest weight). Plain JSON so the CLI, the Node worker and a web worker load it.
import { Perceptron } from './perceptron';

export interface ModelHeader {
  format: 'dossier-tagger/1';
  features: string;
  datasets: { name: string; licence: string; documents: number; weight: number }[];
  trained: string;
  seed: number;
  epochs: number;
  /** The gate's margin thresholds (combine.ts); null = never. */
  gates: { add: number | null; retype: number | null; recut: number | null };
  [k: string]: unknown;
}

export interface ModelFile {
  header: ModelHeader;
  bits: number;
  scale: number;
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

export function saveModel(model: Perceptron, header: ModelHeader): ModelFile {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(model.weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(model.weights[i] / scale);
  return { header, bits: Math.log2(q.length), scale, weights: toBase64(new Uint8Array(q.buffer)) };
}

export function loadModel(file: ModelFile): Perceptron {
  if (!file || typeof file.weights !== 'string' || typeof file.scale !== 'number') throw new Error('not a Dossier tagger model');
  const bytes = fromBase64(file.weights);
  if (bytes.length !== 2 << file.bits) throw new Error(`tagger model: expected ${1 << file.bits} weights, found ${bytes.length / 2}`);
  const aligned = new Uint8Array(bytes.length);
  aligned.set(bytes);
  const q = new Int16Array(aligned.buffer);
  const w = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w[i] = q[i] * file.scale;
  return new Perceptron(w);
}

/** A short, stable digest of the weights (ENGINE_VERSION carries it). */
export function modelHash(file: ModelFile): string {
  let h = 0x811c9dc5;
  const s = file.weights;
  for (let i = 0; i < s.length; i += 7) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
