// The engine version on its own, so the extension host can key the analysis cache without
// loading any engine code (the engine itself lives only in the worker bundle).
import { MODEL_HASH } from './tagger/modelVersion';

/** Bump whenever the output for some input changes: the index uses it as a cache key. */
export const ENGINE_VERSION = `0.9.4+${MODEL_HASH}`;
