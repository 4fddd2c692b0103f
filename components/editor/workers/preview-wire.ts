/**
 * The preview texts on the wire between the worker and the editor. The worker remembers what it last
 * posted per tab and file and posts only the changed ranges when they are small (a rename in a 600 KB
 * schema.sql); the editor keeps the same texts and rebuilds each file. SQL files also carry their
 * restart points for the highlighter, updated per edit instead of re-lexing the whole text.
 */
import { restartPoints, updateRestartPointsAll } from '@/lib/editor/preview-sql-lexer';
import { applyChanges, textChanges, type Change } from '@/lib/editor/preview-diff';
import type { PreviewFile, PreviewTab, WireFile } from './protocol';

interface Sent { readonly content: string; readonly starts?: readonly number[] }

/** Files whose text is SQL (lexed for restart points): every tab but Drizzle's TypeScript. */
const isSqlTab = (tab: PreviewTab) => tab !== 'drizzle';

export class WireEncoder {
  private readonly sent = new Map<PreviewTab, Map<string, Sent>>();

  /** reset forgets what was posted: the next message of every tab carries whole files. */
  reset(): void { this.sent.clear(); }

  encode(tab: PreviewTab, files: readonly { name: string; content: string; note?: string }[]): WireFile[] {
    const before = this.sent.get(tab);
    const now = new Map<string, Sent>();
    const out = files.map((f): WireFile => {
      const prev = before?.get(f.name);
      const note = f.note === undefined ? {} : { note: f.note };
      const changes = prev ? textChanges(prev.content, f.content) : undefined;
      const inserted = changes?.reduce((n, c) => n + c.insert.length, 0) ?? 0;
      // Changes worth sending: fewer characters than half the text.
      const asEdits = changes !== undefined && inserted * 2 < f.content.length;
      let starts: readonly number[] | undefined;
      if (isSqlTab(tab)) {
        starts = prev?.starts && asEdits ? pointsAfter(prev.starts, changes, f.content) : restartPoints(f.content);
      }
      now.set(f.name, { content: f.content, starts });
      const withStarts = starts ? { starts } : {};
      if (asEdits) return { name: f.name, edits: changes, ...note, ...withStarts };
      return { name: f.name, content: f.content, ...note, ...withStarts };
    });
    this.sent.set(tab, now);
    return out;
  }
}

/** The restart points of `next`, from those of `base` and the changes (positions in base) that made it. */
function pointsAfter(points: readonly number[], changes: readonly Change[], next: string): readonly number[] {
  return changes.length ? updateRestartPointsAll(points, changes.map((c) => ({ from: c.from, to: c.to, insertLength: c.insert.length })), next) : points;
}

/** A file rebuilt on the editor side; `edit` (the text it applied to and the changes) lets the code view apply the same changes. */
export type ReceivedFile = PreviewFile & { readonly edit?: { readonly base: string; readonly changes: readonly Change[] } };

export class WireDecoder {
  private readonly texts = new Map<PreviewTab, Map<string, string>>();

  /** decode rebuilds the files, or gives undefined when an edit's base is unknown (ask the worker to resync). */
  decode(tab: PreviewTab, files: readonly WireFile[]): ReceivedFile[] | undefined {
    const before = this.texts.get(tab);
    const now = new Map<string, string>();
    const out: ReceivedFile[] = [];
    for (const f of files) {
      let file: ReceivedFile;
      const extra = { ...(f.note === undefined ? {} : { note: f.note }), ...(f.starts ? { starts: f.starts } : {}) };
      if (f.content !== undefined) {
        file = { name: f.name, content: f.content, ...extra };
      } else {
        const base = before?.get(f.name);
        const changes = f.edits;
        if (base === undefined || !changes || changes.some((c, k) => c.to > base.length || c.from > c.to || (k > 0 && c.from < changes[k - 1]!.to))) { this.texts.delete(tab); return undefined; }
        const content = changes.length ? applyChanges(base, changes) : base;
        file = { name: f.name, content, ...extra, ...(changes.length ? { edit: { base, changes } } : {}) };
      }
      now.set(f.name, file.content);
      out.push(file);
    }
    this.texts.set(tab, now);
    return out;
  }
}
