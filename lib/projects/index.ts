/** The project service between the API routes and the database. See README.md. */
export * from './access';
export * from './model-check';
export * from './projects';
export * from './working-model';
export * from './versions';
export * from './members';
export * from './examples';
export * from './integrations';
export { CachedModel, isCachedModel, jsonWithModel, modelCache, ModelCache } from './model-cache';
export { jsonbText, modelJsonbText } from './jsonb-text';
export { applyModelDelta, diffModel, DELTA_COLLECTIONS, type ModelDelta } from './model-delta';
