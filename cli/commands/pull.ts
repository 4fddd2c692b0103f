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
    const target = describeTarget(checked.url);
    let result: Awaited<ReturnType<typeof introspectWithReport>>;
    try {
      try {
        await client.connect();
      } catch (error) {
        throw new CliFailure(scrub(`cannot connect to ${target}: ${describe(error)}`, checked.password), EXIT_USAGE);
      }
      try {
        result = await introspectWithReport((sql, params) => client.query(sql, params as unknown[] | undefined), { ...(schemas ? { schemas } : {}) });
      } catch (error) {
        throw new CliFailure(scrub(`cannot read the database ${target}: ${describe(error)}`, checked.password), EXIT_USAGE);
      }
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

/** describeTarget names the database in messages: user, host, port and database, never the password. */
function describeTarget(url: string): string {
  const u = new URL(url);
  const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
  return `${user}${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname && u.pathname !== '/' ? decodeURIComponent(u.pathname) : ''}`;
}

/** describe turns a driver or network error into one line saying what went wrong. */
function describe(error: unknown): string {
  const e = error as { message?: string; code?: string; errors?: { message?: string; code?: string }[] };
  const code = e?.code ?? e?.errors?.find((x) => x.code)?.code;
  switch (code) {
    case 'ENOTFOUND': case 'EAI_AGAIN': return 'host not found';
    case 'ECONNREFUSED': return 'connection refused (is PostgreSQL running and listening on that port?)';
    case 'ETIMEDOUT': return 'timed out';
    case 'ECONNRESET': case 'EPIPE': return 'the connection was closed by the other side';
    default: break;
  }
  const message = e?.message || e?.errors?.map((x) => x.message).filter(Boolean).join('; ') || code || String(error);
  if (/Connection terminated/i.test(message)) return `the connection was lost (${message})`;
  return message;
}
