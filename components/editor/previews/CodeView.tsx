'use client';
/**
 * CodeView: a read-only CodeMirror 6 view with SQL or TypeScript highlighting. Text updates are applied
 * as the smallest change (common prefix and suffix kept), so a 600 KB preview updates cheaply;
 * `scrollTo` brings a character offset (a table's CREATE statement) to the top.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { EditorState, Compartment } from '@codemirror/state';
import { EditorView, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { sql, PostgreSQL } from '@codemirror/lang-sql';
import { javascript } from '@codemirror/lang-javascript';
import { oneDark } from '@codemirror/theme-one-dark';

export type CodeLanguage = 'sql' | 'ts';

function minimalChange(a: string, b: string): { from: number; to: number; insert: string } | undefined {
  if (a === b) return undefined;
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) { endA--; endB--; }
  return { from: start, to: endA, insert: b.slice(start, endB) };
}

export function CodeView({ text, language, dark, scrollTo, label }: { text: string; language: CodeLanguage; dark: boolean; scrollTo?: { offset: number; nonce: number }; label: string }) {
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
          lang.current.of([]), theme.current.of([]),
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
        ],
      }),
    });
    view.current = v;
    shown.current = '';
    return () => { v.destroy(); view.current = null; };
  }, [label]);

  useEffect(() => {
    view.current?.dispatch({ effects: lang.current.reconfigure(language === 'sql' ? sql({ dialect: PostgreSQL }) : javascript({ typescript: true })) });
  }, [language, label]);

  useEffect(() => {
    view.current?.dispatch({ effects: theme.current.reconfigure(dark ? oneDark : []) });
  }, [dark, label]);

  // Layout effect: the new text reaches the document before the browser paints this commit, not a frame later.
  useLayoutEffect(() => {
    const v = view.current;
    if (!v) return;
    // CodeMirror stores line breaks as \n: compare in the same form so offsets match its document.
    const next = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    const change = minimalChange(shown.current, next);
    shown.current = next;
    if (change) v.dispatch({ changes: change });
  }, [text, label]);

  useEffect(() => {
    const v = view.current;
    if (!v || !scrollTo || scrollTo.offset > v.state.doc.length) return;
    v.dispatch({ effects: EditorView.scrollIntoView(scrollTo.offset, { y: 'start' }), selection: { anchor: scrollTo.offset } });
  }, [scrollTo]);

  return <div ref={host} className="pgc-code" data-testid={`code-${label}`} />;
}
