/**
 * The example designs in `examples/*.json` (written by the model's maintainers), offered as starting
 * points for new projects. Each file is a model; its `name` (or the file name) is the title.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '@/lib/auth';

export interface ExampleSummary {
  id: string;
  title: string;
  tables: number;
}

export function examplesDir(): string {
  return resolve(/*turbopackIgnore: true*/ process.env.EXAMPLES_DIR ?? join(/*turbopackIgnore: true*/ process.cwd(), 'examples'));
}

async function readExample(id: string): Promise<Record<string, unknown>> {
  const text = await readFile(/*turbopackIgnore: true*/ join(examplesDir(), `${id}.json`), 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

export async function listExamples(): Promise<ExampleSummary[]> {
  let files: string[];
  try {
    files = (await readdir(/*turbopackIgnore: true*/ examplesDir())).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const out: ExampleSummary[] = [];
  for (const file of files) {
    const id = file.slice(0, -'.json'.length);
    try {
      const model = await readExample(id);
      out.push({ id, title: typeof model.name === 'string' && model.name ? model.name : id, tables: Array.isArray(model.tables) ? model.tables.length : 0 });
    } catch {
      // A malformed example is the example's bug; it is left out of the list rather than breaking it.
    }
  }
  return out;
}

/** loadExample returns the example's model JSON (validated by the caller like any upload). */
export async function loadExample(id: unknown): Promise<{ title: string; model: unknown }> {
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(id)) throw new AppError(400, 'bad_request', 'example must be the id of an example (letters, digits, - and _).');
  try {
    const model = await readExample(id);
    return { title: typeof model.name === 'string' && model.name ? model.name : id, model };
  } catch {
    throw new AppError(404, 'not_found', `No example called ${id}.`);
  }
}
