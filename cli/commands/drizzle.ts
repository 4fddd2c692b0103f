/**
 * `pgcanvas drizzle MODEL [-o DIR]`: validates the model, then prints its Drizzle ORM schema (schema.ts,
 * then relations.ts, then the companion SQL, each under a file header) or writes the files into DIR.
 * Exit 1 when the model has errors (each printed as `path: message`), 2 on usage or I/O errors.
 */
import { join } from 'node:path';
import { parseArgs } from '../args';
import { EXIT_INVALID, EXIT_OK, type Command } from '../command';
import { readValidModel } from '../model-input';
import { drizzleExport } from '@/lib/bundle/drizzle';

const usage = `usage: pgcanvas drizzle MODEL [-o DIR]

Print the Drizzle ORM (pg-core) schema of a model (a JSON file, or - for stdin): schema.ts,
relations.ts and extras.sql (what Drizzle cannot express), each under a file header.
  -o, --output DIR   write the files into DIR (created if missing) instead of stdout`;

/** fileHeader marks where one file starts in the combined stdout output. */
function fileHeader(path: string): string {
  const mark = path.endsWith('.sql') ? '--' : '//';
  return `${mark} ===== ${path} =====\n`;
}

export const drizzleCommand: Command = {
  name: 'drizzle',
  summary: 'print the Drizzle ORM schema of a model (schema.ts, relations.ts, extras.sql)',
  usage,
  async run(args, io) {
    const parsed = parseArgs(args, { values: { output: ['-o', '--output'] }, positionals: { min: 1, max: 1 } });
    const path = parsed.positionals[0]!;
    const model = await readValidModel(path, io, { printWarnings: true });
    if (!model) return EXIT_INVALID;
    const { files } = drizzleExport(model);
    const dir = parsed.values.output;
    if (dir !== undefined) {
      await io.mkdir(dir);
      for (const f of files) await io.writeFile(join(dir, f.path), f.content);
      io.stderr(`wrote ${files.map((f) => join(dir, f.path)).join(', ')}\n`);
    } else {
      io.stdout(files.map((f) => `${fileHeader(f.path)}${f.content}`).join('\n'));
    }
    return EXIT_OK;
  },
};
