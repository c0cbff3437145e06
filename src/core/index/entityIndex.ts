// The shared entity index (implementation in progress; the signature is final).
import type { WorkspacePort } from '../ports';
import type { EntityIndex, EntityIndexOptions } from './types';

/** Loads .dossier/ through `port` and returns the index; call scan() to index the workspace. */
export async function openEntityIndex(_port: WorkspacePort, _options: EntityIndexOptions): Promise<EntityIndex> {
  throw new Error('EntityIndex is not implemented yet');
}
