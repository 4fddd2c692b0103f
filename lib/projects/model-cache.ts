/**
 * A per-process cache of each project's last known working model, so the autosave's hot paths do
 * not move and re-process 200 KB documents on every request:
 *
 * - a load asks the database only for the revision (in the query that checks membership) and gets
 *   the model's text only when the cached revision is not the current one;
 * - a save parses again only the tables that changed since the cached model (parseModel `reuse`)
 *   and writes out the text of those tables only (jsonb-text.ts).
 *
 * Nothing here is trusted without the database: an entry is used only when the revision the query
 * just read equals the entry's. The revision is `version:xmin:updated_at` of the project_models row,
 * so any write (ours, another instance's, an operator's UPDATE, a restored backup) makes it differ.
 * Several app instances stay correct; each just has its own cache. Bounded: least recently used
 * entries go first once MODEL_CACHE_MB (default 64; 0 turns the cache off) is exceeded.
 */
import type { Model } from '@/lib/model';

const BRAND = Symbol.for('pgcanvas.cached-model');

/** isCachedModel recognises an entry even across two copies of this module (bundles may duplicate it). */
export function isCachedModel(value: unknown): value is CachedModel {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** CachedModel is one project's model at one revision. */
export class CachedModel {
  readonly [BRAND] = true;
  private body?: { prefix: string; suffix: string; bytes: Uint8Array };

  /**
   * This revision's model, parsed (set by the save that stored it, or by the first delta save that
   * needed it): what a delta save (PATCH) applies its changes to. Read-only, like `reuse`.
   */
  exact?: Model;

  constructor(
    readonly projectId: string,
    readonly revision: string,
    readonly version: number,
    /** The model as `model::text` reads it (the stored text: jsonb's canonical form, see jsonb-text.ts). */
    readonly text: string,
    /**
     * A model this process checked and stored for the project, not necessarily this revision's:
     * the reference parseModel reuses unchanged tables from (any accepted model is a valid one).
     */
    readonly reuse?: Model,
  ) {}

  /**
   * bytes is `prefix + text + suffix` in UTF-8, kept for the last prefix and suffix asked for: every
   * load of a revision sends the same bytes, and encoding 200 KB per response was a top cost.
   */
  bytes(prefix: string, suffix: string): Uint8Array {
    const b = this.body;
    if (b && b.prefix === prefix && b.suffix === suffix) return b.bytes;
    const bytes = Buffer.from(prefix + this.text + suffix, 'utf8');
    this.body = { prefix, suffix, bytes };
    return bytes;
  }

  /** As JSON it is the model itself (responses splice `text` instead; this is the safe fallback). */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** Rough bytes an entry holds: the text, its UTF-8 body and its parsed model (a few times the text). */
function weight(entry: CachedModel): number {
  return entry.text.length * (entry.reuse ? 6 : 2);
}

export class ModelCache {
  private readonly entries = new Map<string, CachedModel>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** get returns the entry of a project (any revision; the caller compares) and marks it recently used. */
  get(projectId: string): CachedModel | undefined {
    const entry = this.entries.get(projectId);
    if (entry) {
      this.entries.delete(projectId);
      this.entries.set(projectId, entry);
    }
    return entry;
  }

  put(stored: CachedModel): CachedModel {
    this.drop(stored.projectId);
    const w = weight(stored);
    if (w > this.maxBytes) return stored;
    this.entries.set(stored.projectId, stored);
    this.bytes += w;
    for (const [id, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(id);
      this.bytes -= weight(old);
    }
    return stored;
  }

  drop(projectId: string): void {
    const old = this.entries.get(projectId);
    if (!old) return;
    this.entries.delete(projectId);
    this.bytes -= weight(old);
  }
}

const caches = new WeakMap<object, ModelCache>();

function configuredBytes(): number {
  const mb = Number(process.env.MODEL_CACHE_MB ?? 64);
  return Number.isFinite(mb) && mb >= 0 ? mb * 1024 * 1024 : 64 * 1024 * 1024;
}

/** modelCache is the cache of one database (tests open several in one process). */
export function modelCache(db: object): ModelCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, cache = new ModelCache(configuredBytes()));
  return cache;
}

/** jsonWithModel is `prefix + model text + suffix` in UTF-8: a response carrying the model without re-serialising it. */
export function jsonWithModel(prefix: string, entry: CachedModel, suffix: string): Uint8Array {
  return entry.bytes(prefix, suffix);
}
