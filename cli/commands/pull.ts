/**
 * `pgcanvas pull DATABASE_URL [--schema a,b] [-o MODEL]`: introspects a live database into a model.
 * The model JSON goes to stdout or MODEL, the report to stderr. Connection problems exit 2 with the
 * reason, and the password never appears in any output.
 */
import pg from 'pg';
import { parseArgs } from '../args';
import { CliFailure, EXIT_OK, EXIT_USAGE, type Command } from '../command';
import { formatReport } from '@/lib/import';
import { introspectWithReport } from '@/lib/introspect';
import { sanitizeDatabaseUrl, scrub } from '@/lib/introspect/url';

const usage = `usage: pgcanvas pull DATABASE_URL [--schema a,b] [-o MODEL]

Read the schema of a live PostgreSQL database into a pgcanvas model.
  --schema a,b         only these schemas (default: every user schema)
  -o, --output MODEL   write the model JSON to MODEL instead of stdout
sslcert, sslkey and sslrootcert parameters are removed from the URL (they would read local files).`;

export const pullCommand: Command = {
  name: 'pull',
  summary: 'read a live database schema into a model',
  usage,
  async run(args, io) {
    const parsed = parseArgs(args, { values: { output: ['-o', '--output'], schema: ['--schema'] }, positionals: { min: 1, max: 1 } });
    const checked = sanitizeDatabaseUrl(parsed.positionals[0]!);
    if (!checked.ok) throw new CliFailure(checked.message, EXIT_USAGE);
    for (const p of checked.removed) io.stderr(`warning: removed the ${p} parameter from the URL (it would read a local file)\n`);
    const schemas = parsed.values.schema?.split(',').map((s) => s.trim()).filter(Boolean);
    const client = new pg.Client({ connectionString: checked.url, connectionTimeoutMillis: 15_000, application_name: 'pgcanvas pull' });
    client.on('error', () => {});
    let result: Awaited<ReturnType<typeof introspectWithReport>>;
    try {
      await client.connect();
      result = await introspectWithReport((sql, params) => client.query(sql, params as unknown[] | undefined), { ...(schemas ? { schemas } : {}) });
    } catch (error) {
      throw new CliFailure(`cannot read the database: ${scrub(describe(error), checked.password)}`, EXIT_USAGE);
    } finally {
      await client.end().catch(() => {});
    }
    if (result.report.length) io.stderr(`${formatReport(result.report).replace(/^line 0: /gm, '')}\n`);
    const json = `${JSON.stringify(result.model, null, 2)}\n`;
    if (parsed.values.output) await io.writeFile(parsed.values.output, json);
    else io.stdout(json);
    return EXIT_OK;
  },
};

function describe(error: unknown): string {
  const e = error as { message?: string; code?: string; errors?: { message?: string }[] };
  const message = e?.message || e?.errors?.map((x) => x.message).filter(Boolean).join('; ') || e?.code || String(error);
  return message;
}
