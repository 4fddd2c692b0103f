/**
 * The generators and checks the previews use, wired to the modules other parts of pgcanvas provide.
 * A module that has not landed is `undefined` here and its tab says "not available".
 */
import type { Model } from '@/lib/model';
import { emitDrizzle } from '@/lib/drizzle';
import { securityFiles } from '@/lib/security';
import type { FindingLike } from './protocol';

export const drizzleEngine: ((m: Model) => { files: { path: string; content: string }[] }) | undefined = emitDrizzle;
export const securityEngine: ((m: Model) => { name: string; sql: string; explanation?: string }[]) | undefined = securityFiles;

export const validateEngine: ((m: Model, target?: number) => Promise<Omit<FindingLike, 'source'>[]>) | undefined = undefined;
export const adviseEngine: ((m: Model) => Omit<FindingLike, 'source'>[]) | undefined = undefined;
