import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileSql } from '@/lib/compile';
import { parseModel } from '@/lib/model/validate';
import { loadSqlParser } from '@/lib/model';

export const dynamic = 'force-dynamic';

interface ExampleView {
  file: string;
  name: string;
  tables: number;
  sql?: string;
  problems?: string[];
}

async function loadExamples(): Promise<ExampleView[]> {
  await loadSqlParser();
  const dir = join(process.cwd(), 'examples');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(files.map(async (file): Promise<ExampleView> => {
    const parsed = parseModel(JSON.parse(await readFile(join(dir, file), 'utf8')));
    if (!parsed.ok) return { file, name: file, tables: 0, problems: parsed.findings.map((f) => `${f.path}: ${f.message}`) };
    return { file, name: parsed.model.name ?? file, tables: parsed.model.tables.length, sql: compileSql(parsed.model) };
  }));
}

/** The examples shipped in examples/*.json with the DDL pgcanvas generates for each. */
export default async function ExamplesPage() {
  const examples = await loadExamples();
  return (
    <main className="mx-auto max-w-5xl p-8">
      <h1 className="text-2xl font-semibold">Examples</h1>
      <p className="mt-1 text-slate-600 dark:text-slate-400">Each model in <code>examples/</code> and the PostgreSQL DDL it compiles to (target 16).</p>
      {examples.map((ex) => (
        <section key={ex.file} className="mt-8" aria-labelledby={`ex-${ex.file}`}>
          <h2 id={`ex-${ex.file}`} className="text-xl font-medium">{ex.name} <span className="text-sm text-slate-500">({ex.file}, {ex.tables} tables)</span></h2>
          {ex.problems ? (
            <ul className="mt-2 text-red-700">{ex.problems.map((p) => <li key={p}>{p}</li>)}</ul>
          ) : (
            <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-100 p-4 text-xs dark:bg-slate-900" data-testid={`sql-${ex.file}`}>{ex.sql}</pre>
          )}
        </section>
      ))}
    </main>
  );
}
