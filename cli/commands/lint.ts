/**
 * `pgcanvas lint MODEL [--json]`: the advisor's findings for a model. Exit 1 when any finding is an
 * error (or the model itself is invalid), 0 otherwise, 2 on usage or I/O errors.
 */
import { parseArgs } from '../args';
import { EXIT_INVALID, EXIT_OK, type Command } from '../command';
import { advise, hasErrors, type AdvisorFinding } from '@/lib/advisor';
import { readValidModel } from '../model-input';

const usage = `usage: pgcanvas lint MODEL [--json]

Check a model (a JSON file, or - for stdin) with the advisor's rules (lib/advisor/rules/*/docs.md).
Prints one finding per line as "severity rule-id path: message", then its help.
  --json   print the findings as a JSON array of { id, ruleId, severity, message, help,
           target: { id, path }, fixable, fixTitle? } (docs/security.md, "pgcanvas lint")
Exit status: 1 when there is an error-severity finding or the model is invalid, 0 otherwise, 2 on
usage or I/O errors.`;

function line(f: AdvisorFinding): string {
  return `${f.severity.padEnd(7)} ${f.ruleId} ${f.target.path}: ${f.message}\n        ${f.help}${f.fix ? `\n        fix: ${f.fix.title}` : ''}\n`;
}

export const lintCommand: Command = {
  name: 'lint',
  summary: "check a model with the advisor's rules (exit 1 on errors)",
  usage,
  async run(args, io) {
    const parsed = parseArgs(args, { flags: { json: ['--json'] }, positionals: { min: 1, max: 1 } });
    const model = await readValidModel(parsed.positionals[0]!, io);
    if (!model) return EXIT_INVALID;
    const findings = advise(model);
    if (parsed.flags.json) {
      const data = findings.map(({ fix, ...f }) => ({ ...f, fixable: fix !== undefined, ...(fix ? { fixTitle: fix.title } : {}) }));
      io.stdout(`${JSON.stringify(data, null, 2)}\n`);
    } else {
      io.stdout(findings.map(line).join(''));
      const count = (s: string) => findings.filter((f) => f.severity === s).length;
      io.stdout(`${findings.length === 0 ? 'no findings' : `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`}\n`);
    }
    return hasErrors(findings) ? EXIT_INVALID : EXIT_OK;
  },
};
