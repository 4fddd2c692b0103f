/**
 * The preview texts on the wire between the worker and the editor. The worker remembers what it last
 * posted per tab and file and posts only the changed range when that is small (a rename in a 600 KB
 * schema.sql); the editor keeps the same texts and rebuilds each file. SQL files also carry their
 * restart points for the highlighter, updated per edit instead of re-lexing the whole text.
 */
import { minimalChange, restartPoints, updateRestartPoints } from '@/lib/editor/preview-sql-lexer';
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
      const change = prev ? minimalChange(prev.content, f.content) : undefined;
      let starts: readonly number[] | undefined;
      if (isSqlTab(tab)) {
        starts = prev?.starts && prev.content === f.content ? prev.starts
          : prev?.starts && change ? updateRestartPoints(prev.starts, { from: change.from, to: change.to, insertLength: change.insert.length }, f.content)
          : restartPoints(f.content);
      }
      now.set(f.name, { content: f.content, starts });
      const withStarts = starts ? { starts } : {};
      if (prev && !change) return { name: f.name, edit: { from: 0, to: 0, insert: '' }, ...note, ...withStarts };
      if (prev && change && change.insert.length * 2 < f.content.length) return { name: f.name, edit: change, ...note, ...withStarts };
      return { name: f.name, content: f.content, ...note, ...withStarts };
    });
    this.sent.set(tab, now);
    return out;
  }
}

/** A file rebuilt on the editor side; `edit` (with the text it applied to) lets the code view apply the same change. */
export type ReceivedFile = PreviewFile & { readonly edit?: { readonly base: string; readonly from: number; readonly to: number; readonly insert: string } };

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
        if (base === undefined || !f.edit || f.edit.to > base.length) { this.texts.delete(tab); return undefined; }
        const { from, to, insert } = f.edit;
        const same = from === to && insert === '';
        const content = same ? base : base.slice(0, from) + insert + base.slice(to);
        file = { name: f.name, content, ...extra, ...(same ? {} : { edit: { base, from, to, insert } }) };
      }
      now.set(f.name, file.content);
      out.push(file);
    }
    this.texts.set(tab, now);
    return out;
  }
}
