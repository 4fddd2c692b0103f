'use client';
/**
 * CodeView: a read-only CodeMirror 6 view with SQL or TypeScript highlighting. Text updates are applied
 * as the changes the worker sent (`edit`, against the text shown before) or else as the smallest
 * change (common prefix and suffix kept), so a 600 KB preview updates cheaply. SQL is coloured by
 * lexing only the lines on screen (sqlHighlight.ts, from the restart points `starts`), not by parsing
 * the whole document; `scrollTo` brings a character offset (a table's CREATE statement) to the top.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { EditorState, Compartment } from '@codemirror/state';
import { EditorView, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { oneDark } from '@codemirror/theme-one-dark';
import { minimalChange } from '@/lib/editor/preview-diff';
import { restartPoints, sqlHighlighting, withRestartPoints } from './sqlHighlight';

export type CodeLanguage = 'sql' | 'ts';

/** Changes the worker computed: `base` is the text they apply to (the previous `text`), positions in it. */
export interface TextEdit { readonly base: string; readonly changes: readonly { readonly from: number; readonly to: number; readonly insert: string }[] }

interface Props {
  text: string;
  language: CodeLanguage;
  dark: boolean;
  scrollTo?: { offset: number; nonce: number };
  label: string;
  edit?: TextEdit;
  /** SQL restart points of `text` (see lib/editor/preview-sql-lexer). */
  starts?: ArrayLike<number>;
}

export function CodeView({ text, language, dark, scrollTo, label, edit, starts }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const lang = useRef(new Compartment());
  const theme = useRef(new Compartment());
  // The text the document holds: diffing against it avoids re-joining a 600 KB document per update.
  const shown = useRef('');

  // Created in a layout effect so it exists when the text layout effect below runs on the first commit.
  useLayoutEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: '',
        extensions: [
          lineNumbers(), highlightActiveLine(), EditorState.readOnly.of(true), EditorView.editable.of(false),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          restartPoints, lang.current.of([]), theme.current.of([]),
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
        ],
      }),
    });
    view.current = v;
    shown.current = '';
    return () => { v.destroy(); view.current = null; };
  }, [label]);

  useEffect(() => {
    view.current?.dispatch({ effects: lang.current.reconfigure(language === 'sql' ? sqlHighlighting() : javascript({ typescript: true })) });
  }, [language, label]);

  useEffect(() => {
    view.current?.dispatch({ effects: theme.current.reconfigure(dark ? oneDark : []) });
  }, [dark, label]);

  // Layout effect: the new text reaches the document before the browser paints this commit, not a frame later.
  useLayoutEffect(() => {
    const v = view.current;
    if (!v) return;
    const prev = shown.current;
    // The worker's changes apply when the document holds exactly their base (and no \r, which CodeMirror drops).
    if (edit && edit.base === prev && v.state.doc.length === prev.length && edit.changes.every((c) => !c.insert.includes('\r'))) {
      shown.current = text;
      v.dispatch({ changes: edit.changes.map((c) => ({ from: c.from, to: c.to, insert: c.insert })), effects: withRestartPoints(starts) });
      return;
    }
    // CodeMirror stores line breaks as \n: compare in the same form so offsets match its document.
    const crlf = text.includes('\r');
    const next = crlf ? text.replace(/\r\n?/g, '\n') : text;
    const change = minimalChange(prev, next);
    shown.current = next;
    if (change) v.dispatch({ changes: change, effects: withRestartPoints(crlf ? undefined : starts) });
    else if (!crlf) v.dispatch({ effects: withRestartPoints(starts) });
  // edit and starts arrive with their text
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, label]);

  useEffect(() => {
    const v = view.current;
    if (!v || !scrollTo || scrollTo.offset > v.state.doc.length) return;
    v.dispatch({ effects: EditorView.scrollIntoView(scrollTo.offset, { y: 'start' }), selection: { anchor: scrollTo.offset } });
  }, [scrollTo]);

  return <div ref={host} className="pgc-code" data-testid={`code-${label}`} />;
}
