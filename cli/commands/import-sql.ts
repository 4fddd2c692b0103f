/**
 * `pgcanvas import-sql FILE [-o MODEL]`: reads a SQL script (schema.sql, pg_dump --schema-only output)
 * into a model with PostgreSQL's parser. The model JSON goes to stdout or MODEL; the report of what was
 * kept as SQL, ignored or skipped goes to stderr. Exit 1 when the SQL does not parse (FILE:line:column).
 */
import { parseArgs } from '../args';
import { EXIT_INVALID, EXIT_OK, type Command } from '../command';
import { formatReport, importSqlAsync } from '@/lib/import';

const usage = `usage: pgcanvas import-sql FILE [-o MODEL]

Import a SQL DDL script (or - for stdin) into a pgcanvas model. Views, functions, triggers and other
objects the model does not hold are kept verbatim; the report on stderr lists them with their lines.
  -o, --output MODEL   write the model JSON to MODEL instead of stdout`;

export const importSqlCommand: Command = {
  name: 'import-sql',
  summary: 'import a SQL DDL script (schema.sql, pg_dump output) into a model',
  usage,
  async run(args, io) {
    const parsed = parseArgs(args, { values: { output: ['-o', '--output'] }, positionals: { min: 1, max: 1 } });
    const path = parsed.positionals[0]!;
    const sql = await io.readFile(path);
    const result = await importSqlAsync(sql);
    if (!result.ok) {
      const where = result.error.line !== undefined ? `:${result.error.line}:${result.error.column ?? 1}` : '';
      io.stderr(`${path}${where}: ${result.error.message}\nnothing imported\n`);
      return EXIT_INVALID;
    }
    if (result.report.length) io.stderr(`${formatReport(result.report)}\n`);
    const json = `${JSON.stringify(result.model, null, 2)}\n`;
    if (parsed.values.output) await io.writeFile(parsed.values.output, json);
    else io.stdout(json);
    return EXIT_OK;
  },
};
