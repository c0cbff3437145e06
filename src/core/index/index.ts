// The shared entity index: one import for the CLI and the extension.
export * from './types';
export { openEntityIndex } from './entityIndex';
