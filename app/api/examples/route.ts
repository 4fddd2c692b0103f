/** The examples a project can start from: [{id, title, tables}]. */
import { listExamples } from '@/lib/projects';
import { route } from '../_lib/route';

export const GET = route('user', async () => ({ examples: await listExamples() }));
