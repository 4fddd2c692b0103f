'use client';
/**
 * SQL colouring for the read-only previews without a full parse: a view plugin lexes only the lines on
 * screen, starting at the restart point (lib/editor/preview-sql-lexer) before them. The preview worker
 * sends the restart points with the text; they arrive in the same transaction as the text change
 * (`withRestartPoints`). Without them (a document that did not come from the worker) the lexer starts
 * at the top of the document, which is still correct, only slower for a long one.
 * Colours follow CodeMirror's default highlight style and One Dark, so the look is the same as before.
 */
import { RangeSetBuilder, StateEffect, StateField, type Extension, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { PostgreSQL } from '@codemirror/lang-sql';
import { lastPointAtOrBefore, lexSql, sqlWords, type SqlTokenKind, type SqlWords } from '@/lib/editor/preview-sql-lexer';

const setRestartPoints = StateEffect.define<ArrayLike<number> | null>();

/** withRestartPoints: the effect to dispatch with a text change (null: not known for the new text). */
export const withRestartPoints = (points: ArrayLike<number> | undefined) => setRestartPoints.of(points ?? null);

const restartPointsField = StateField.define<ArrayLike<number> | null>({
  create: () => null,
  update(value, tr: Transaction) {
    for (const e of tr.effects) if (e.is(setRestartPoints)) return e.value;
    // A change that did not bring its points makes the old ones meaningless.
    return tr.docChanged ? null : value;
  },
});

const CLASS: Partial<Record<SqlTokenKind, string>> = {
  keyword: 'pgc-tok-keyword', type: 'pgc-tok-type', atom: 'pgc-tok-atom', string: 'pgc-tok-string', quoted: 'pgc-tok-quoted',
  number: 'pgc-tok-number', comment: 'pgc-tok-comment', operator: 'pgc-tok-operator', name: 'pgc-tok-name',
};
const MARKS = Object.fromEntries(Object.entries(CLASS).map(([k, c]) => [k, Decoration.mark({ class: c })])) as Partial<Record<SqlTokenKind, Decoration>>;

let words: SqlWords | undefined;
const postgresWords = () => (words ??= sqlWords(PostgreSQL.spec.keywords ?? '', PostgreSQL.spec.types ?? ''));

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const points = view.state.field(restartPointsField);
  const doc = view.state.doc;
  const w = postgresWords();
  for (const { from, to } of view.visibleRanges) {
    const start = points && points.length ? points[lastPointAtOrBefore(points, from)]! : 0;
    const text = doc.sliceString(start, to);
    lexSql(text, 0, text.length, w, (kind, a, b) => {
      const mark = MARKS[kind];
      const f = Math.max(a + start, from);
      const t = Math.min(b + start, to);
      if (mark && f < t) builder.add(f, t, mark);
    });
  }
  return builder.finish();
}

const highlighter = ViewPlugin.fromClass(class {
  decorations: DecorationSet;
  constructor(view: EditorView) { this.decorations = decorate(view); }
  update(u: ViewUpdate) {
    if (u.docChanged || u.viewportChanged || u.state.field(restartPointsField) !== u.startState.field(restartPointsField)) this.decorations = decorate(u.view);
  }
}, { decorations: (v) => v.decorations });

const colours = EditorView.baseTheme({
  '&light .pgc-tok-keyword': { color: '#708' },
  '&light .pgc-tok-type': { color: '#085' },
  '&light .pgc-tok-atom': { color: '#219' },
  '&light .pgc-tok-string': { color: '#a11' },
  '&light .pgc-tok-quoted': { color: '#e40' },
  '&light .pgc-tok-number': { color: '#164' },
  '&light .pgc-tok-comment': { color: '#940' },
  '&dark .pgc-tok-keyword': { color: '#c678dd' },
  '&dark .pgc-tok-type': { color: '#e5c07b' },
  '&dark .pgc-tok-atom': { color: '#d19a66' },
  '&dark .pgc-tok-string': { color: '#98c379' },
  '&dark .pgc-tok-quoted': { color: '#56b6c2' },
  '&dark .pgc-tok-number': { color: '#e5c07b' },
  '&dark .pgc-tok-comment': { color: '#7d8799' },
  '&dark .pgc-tok-operator': { color: '#56b6c2' },
  '&dark .pgc-tok-name': { color: '#e06c75' },
});

/** restartPoints: the state field holding the document's restart points; install it once per view. */
export const restartPoints: Extension = restartPointsField;

/** sqlHighlighting: visible-lines lexing and colours for a read-only SQL view (needs `restartPoints`). */
export function sqlHighlighting(): Extension {
  return [highlighter, colours];
}
