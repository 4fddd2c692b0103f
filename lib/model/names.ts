/**
 * The names PostgreSQL invents for objects nobody named (`<table>_pkey`, `<table>_<col>_seq`, ...):
 * makeObjectName in PostgreSQL's indexcmds.c, shared by the importer (which must name unnamed
 * constraints exactly as the database will), introspection, and the editor (whose new objects get the
 * names PostgreSQL would have given them). Lengths are bytes (NAMEDATALEN 64, so 63 usable).
 */
import { utf8ByteLength, truncateUtf8 } from './bytes';

export const NAMEDATALEN = 64;

/**
 * makeObjectName joins name1, name2 and label with `_` within 63 bytes. Like PostgreSQL it shortens
 * the longer name one byte at a time (name2 on a tie) and only then cuts on a character boundary.
 */
export function makeObjectName(name1: string, name2: string | undefined, label: string | undefined): string {
  let overhead = 0;
  let n1 = utf8ByteLength(name1);
  let n2 = 0;
  if (name2 !== undefined) {
    n2 = utf8ByteLength(name2);
    overhead++;
  }
  if (label !== undefined) overhead += utf8ByteLength(label) + 1;
  const avail = NAMEDATALEN - 1 - overhead;
  while (n1 + n2 > avail) {
    if (n1 > n2) n1--;
    else n2--;
  }
  let name = truncateUtf8(name1, n1);
  if (name2 !== undefined) name += `_${truncateUtf8(name2, n2)}`;
  if (label !== undefined) name += `_${label}`;
  return name;
}

/** truncateIdentifier is what PostgreSQL does to a name longer than 63 bytes. */
export function truncateIdentifier(name: string): string {
  return truncateUtf8(name, NAMEDATALEN - 1);
}
