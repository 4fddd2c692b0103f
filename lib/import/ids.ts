/**
 * newId for bulk imports: one random prefix per process plus a counter. The model's `newId` draws fresh
 * random bytes per id, which dominated importing a thousand tables (~15 ids a table); ids stay unique
 * across copies of a model because the prefix is random (62 bits) and never reused within a process.
 */
import { newId as randomId } from '@/lib/model/ids';

const session = randomId('x').slice(2, 14);
let counter = 0;

export function newId(prefix = 'o'): string {
  counter++;
  return `${prefix}_${session}${counter.toString(36)}`;
}
