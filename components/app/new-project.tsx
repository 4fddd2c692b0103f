'use client';
/** Create a project: empty, from an example, or from an uploaded model JSON or SQL file. */
import { useEffect, useState, type FormEvent } from 'react';
import { apiFetch, ApiError, errorText } from './api';
import { Button, Field, Notice } from './ui';

interface Example { id: string; title: string; tables: number }
type Source = 'empty' | 'example' | 'file';
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

interface Finding { message: string; path: string }

export function NewProject({ onCreated }: { onCreated: (id: string) => void }) {
  const [name, setName] = useState('');
  const [source, setSource] = useState<Source>('empty');
  const [examples, setExamples] = useState<Example[]>([]);
  const [example, setExample] = useState('');
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<string>();
  const [findings, setFindings] = useState<Finding[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    apiFetch<{ examples: Example[] }>('/api/examples').then((r) => {
      setExamples(r.examples);
      if (r.examples[0]) setExample(r.examples[0].id);
    }).catch(() => {});
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setFindings([]);
    const body: Record<string, unknown> = {};
    if (name.trim()) body.name = name.trim();
    try {
      if (source === 'example') {
        if (!example) throw new Error('Choose an example.');
        body.example = example;
      } else if (source === 'file') {
        if (!file) throw new Error('Choose a .json model or a .sql file.');
        if (file.size > MAX_UPLOAD_BYTES) throw new Error(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB.`);
        const text = await file.text();
        body.name ??= file.name.replace(/\.(pgcanvas\.)?(json|sql)$/i, '');
        if (/\.sql$/i.test(file.name)) body.sql = text;
        else {
          try { body.model = JSON.parse(text); } catch (e) { throw new Error(`${file.name} is not valid JSON: ${errorText(e)}`); }
        }
      }
      if (body.name === undefined && source === 'empty') body.name = 'Untitled project';
      setBusy(true);
      const created = await apiFetch<{ id: string }>('/api/projects', { method: 'POST', body });
      setName('');
      setFile(undefined);
      onCreated(created.id);
    } catch (e) {
      setError(errorText(e));
      if (e instanceof ApiError) setFindings(((e.body as { findings?: Finding[] })?.findings ?? []).slice(0, 20));
    } finally {
      setBusy(false);
    }
  }

  const radio = (value: Source, label: string) => (
    <label className="flex items-center gap-1.5 text-sm">
      <input type="radio" name="source" value={value} checked={source === value} onChange={() => setSource(value)} /> {label}
    </label>
  );

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800" aria-label="New project">
      <h2 className="font-semibold">New project</h2>
      <Field label="Name" placeholder="e.g. Shop database" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      <fieldset className="flex flex-wrap gap-4">
        <legend className="sr-only">Start from</legend>
        {radio('empty', 'Empty')}
        {radio('example', 'Example')}
        {radio('file', 'Upload JSON or SQL')}
      </fieldset>
      {source === 'example' ? (
        <label className="block text-sm">
          <span className="mb-1 block font-medium">Example</span>
          <select aria-label="Example" value={example} onChange={(e) => setExample(e.target.value)} className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900">
            {examples.length === 0 ? <option value="">No examples installed</option> : null}
            {examples.map((x) => <option key={x.id} value={x.id}>{x.title} ({x.tables} tables)</option>)}
          </select>
        </label>
      ) : null}
      {source === 'file' ? (
        <label className="block text-sm">
          <span className="mb-1 block font-medium">File (.json model or .sql DDL, up to 5 MB)</span>
          <input aria-label="File" type="file" accept=".json,.sql,application/json,application/sql,text/plain" onChange={(e) => setFile(e.target.files?.[0])} />
        </label>
      ) : null}
      {error ? (
        <Notice>
          {error}
          {findings.length > 0 ? <ul className="mt-1 list-disc pl-5">{findings.map((f, i) => <li key={i}><code>{f.path}</code>: {f.message}</li>)}</ul> : null}
        </Notice>
      ) : null}
      <Button kind="primary" type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create project'}</Button>
    </form>
  );
}
