// The engine's version on its own, so the index can key its cache without loading the engine.
import { MODEL_HASH } from './tagger/modelVersion';

/** Bump whenever the output for some input changes: the index uses it as a cache key. */
export const ENGINE_VERSION = `0.9.1+${MODEL_HASH}`;
