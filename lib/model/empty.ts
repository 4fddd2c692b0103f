import { FORMAT_VERSION, type Model } from './schema';

/** PUBLIC_SCHEMA_ID is the id the `public` schema gets in new models. */
export const PUBLIC_SCHEMA_ID = 'schema_public';

/** emptyModel is a new design: the `public` schema and nothing else. */
export function emptyModel(name?: string): Model {
  return {
    format: FORMAT_VERSION,
    ...(name === undefined ? {} : { name }),
    schemas: [{ id: PUBLIC_SCHEMA_ID, name: 'public' }],
    tables: [],
  };
}

/** EMPTY_MODEL is the model with nothing at all, the `from` side of a full compile. */
export const EMPTY_MODEL: Model = Object.freeze({ format: FORMAT_VERSION, schemas: [], tables: [] }) as Model;
