/**
 * securityScript joins the SQL files of a security bundle into one script, in apply order, each under a
 * header naming its file, so a single `psql -f` after the schema DDL applies them all. Files that are
 * not SQL (password.ts) are left out: they belong to the application. The API's `format=sql` export and
 * the editor's "Download all" both use it, so the two cannot differ.
 */
export interface ScriptPart {
  readonly name: string;
  readonly content: string;
}

export function securityScript(files: readonly ScriptPart[]): string {
  return files
    .filter((f) => f.name.endsWith('.sql'))
    .map((f) => `-- ===== ${f.name.replace(/[\r\n]/g, ' ')} =====\n${f.content.endsWith('\n') ? f.content : `${f.content}\n`}`)
    .join('\n');
}
