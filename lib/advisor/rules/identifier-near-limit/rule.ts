/** identifier-near-limit: names within 8 bytes of PostgreSQL's 63-byte identifier limit. */
import { MAX_NAME_BYTES, nameBytes } from '@/lib/model/validate/names';
import type { Rule } from '../../types';

export const identifierNearLimit: Rule = {
  id: 'identifier-near-limit',
  severity: 'warning',
  title: 'Identifier close to the 63-byte limit',
  help: 'Shorten it: PostgreSQL truncates names at 63 bytes (not characters), and derived names (<table>_<column>_seq, _pkey, _idx) are cut silently and can collide.',
  check(ctx) {
    return ctx.namedObjects().filter((o) => nameBytes(o.name) > MAX_NAME_BYTES - 8).map((o) => ({
      target: { id: o.id, path: o.path },
      // Cut by code points: slice() could split an emoji's surrogate pair.
      message: `${o.kind} name ${[...o.name].slice(0, 24).join('')}… is ${nameBytes(o.name)} bytes (limit ${MAX_NAME_BYTES})`,
    }));
  },
};
