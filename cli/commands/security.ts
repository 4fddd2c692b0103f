/**
 * `pgcanvas security MODEL [-o DIR] [--role-prefix P]`: the security SQL files of a model in apply
 * order (after the schema DDL): 01_roles.sql, 02_password_hashing.sql, 03_encryption.sql, 04_rls.sql,
 * 05_audit.sql (only those that apply), plus password.ts (the app-side hashing module) with -o.
 */
import { join } from 'node:path';
import { parseArgs } from '../args';
import { EXIT_INVALID, EXIT_OK, UsageError, type Command } from '../command';
import { passwordModule, securityFiles } from '@/lib/security';
import { readValidModel } from '../model-input';

const usage = `usage: pgcanvas security MODEL [-o DIR] [--role-prefix PREFIX]

Generate the security SQL of a model (a JSON file, or - for stdin), to run after the schema DDL in
the order of the numbers: 01_roles.sql, 02_password_hashing.sql, 03_encryption.sql, 04_rls.sql,
05_audit.sql (only the files that apply to the model).
  -o, --output DIR       write the files, and the app-side password.ts, into DIR (created if missing);
                         without -o the SQL files are printed to stdout, each under a header
  --role-prefix PREFIX   name the roles PREFIX_owner, PREFIX_migrator, PREFIX_rw, PREFIX_ro, PREFIX_admin`;

export const securityCommand: Command = {
  name: 'security',
  summary: 'generate roles, password hashing, encryption, RLS and audit SQL for a model',
  usage,
  async run(args, io) {
    const parsed = parseArgs(args, { values: { output: ['-o', '--output'], rolePrefix: ['--role-prefix'] }, positionals: { min: 1, max: 1 } });
    const rolePrefix = parsed.values.rolePrefix;
    if (rolePrefix !== undefined && !/^(?!pg_)[a-z_][a-z0-9_]{0,39}$/.test(rolePrefix)) {
      throw new UsageError(`--role-prefix ${JSON.stringify(rolePrefix)}: use lowercase letters, digits and _, not starting with pg_, at most 40 characters`);
    }
    const model = await readValidModel(parsed.positionals[0]!, io);
    if (!model) return EXIT_INVALID;
    const files = securityFiles(model, rolePrefix === undefined ? {} : { rolePrefix });
    // What a file could not do as marked is in it as a comment; say it where a person running the command looks.
    for (const f of files) for (const w of f.warnings) io.stderr(`warning: ${f.name}: ${w}\n`);
    const dir = parsed.values.output;
    if (dir === undefined) {
      io.stdout(files.map((f) => `-- ===== ${f.name} =====\n-- ${f.explanation}\n${f.sql}`).join('\n'));
      return EXIT_OK;
    }
    await io.mkdir(dir);
    const module = passwordModule();
    for (const f of files) await io.writeFile(join(dir, f.name), `-- ${f.explanation}\n${f.sql}`);
    await io.writeFile(join(dir, module.path), module.content);
    io.stderr(`wrote ${[...files.map((f) => f.name), module.path].map((n) => join(dir, n)).join(', ')}\n`);
    return EXIT_OK;
  },
};
