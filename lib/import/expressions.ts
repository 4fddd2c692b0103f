/**
 * Facts the importer needs from expressions: the sequence a `nextval(...)` default draws from, and the
 * functions an expression calls (so user functions they need are created before the tables).
 */
import { inner, strings, walk, type QualifiedName } from './ast';

/** parseRegclass reads the text of a regclass literal (`public."My Seq"`) the way PostgreSQL does. */
export function parseRegclass(text: string): QualifiedName | undefined {
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    let part = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) return undefined;
        if (text[i] === '"') {
          if (text[i + 1] === '"') { part += '"'; i += 2; continue; }
          i++;
          break;
        }
        part += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== '.') part += text[i++];
      part = part.trim().toLowerCase();
    }
    parts.push(part);
    if (i < text.length) {
      if (text[i] !== '.') return undefined;
      i++;
    }
  }
  if (parts.length === 1) return { schema: 'public', name: parts[0]! };
  if (parts.length === 2) return { schema: parts[0]!, name: parts[1]! };
  return undefined;
}

/** nextvalTarget returns the sequence of a `nextval('seq'::regclass)` expression, if that is all it is. */
export function nextvalTarget(expr: unknown): QualifiedName | undefined {
  const call = inner(expr, 'FuncCall');
  if (!call) return undefined;
  const name = strings(call.funcname);
  if (!(name.length === 1 && name[0] === 'nextval') && !(name.length === 2 && name[0] === 'pg_catalog' && name[1] === 'nextval')) return undefined;
  const args = (call.args as unknown[] | undefined) ?? [];
  if (args.length !== 1) return undefined;
  let arg = args[0];
  const cast = inner(arg, 'TypeCast');
  if (cast) {
    const t = strings(cast.typeName?.names);
    if (t[t.length - 1] !== 'regclass') return undefined;
    arg = cast.arg;
  }
  const text = inner(arg, 'A_Const')?.sval?.sval as string | undefined;
  return text === undefined ? undefined : parseRegclass(text);
}

/** calledFunctions lists the (last part of the) names of functions an expression calls. */
export function calledFunctions(expr: unknown, into: Set<string>): void {
  walk(expr, (type, f) => {
    if (type === 'FuncCall') {
      const names = strings(f.funcname);
      into.add(names[names.length - 1]!);
    }
  });
}
