// Written by npm run train: the shipped model's hash, part of ENGINE_VERSION.
export const MODEL_HASH = '6f8a81fd';
