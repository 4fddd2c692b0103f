/**
 * Fixed node geometry. The canvas gives React Flow exact sizes and handle positions, so edges route to
 * the right column row on the first frame without waiting for DOM measurement (that is what keeps the
 * first render of 1,000 tables fast). The table node's CSS uses the same numbers.
 */
export const NODE_WIDTH = 280;
export const HEADER_HEIGHT = 36;
export const ROW_HEIGHT = 24;
export const FOOTER_HEIGHT = 6;
export const HANDLE_SIZE = 8;

export function nodeHeight(rows: number): number {
  return HEADER_HEIGHT + rows * ROW_HEIGHT + FOOTER_HEIGHT;
}

/** rowCenterY is the y of a row's middle, relative to the node's top. */
export function rowCenterY(row: number): number {
  return HEADER_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT / 2;
}

export type Side = 'l' | 'r';

export function handleId(columnId: string, side: Side): string {
  return `${columnId}:${side}`;
}

export function headerHandleId(side: Side): string {
  return `header:${side}`;
}

export function parseHandleId(id: string | null | undefined): { columnId?: string; side: Side } | undefined {
  if (!id) return undefined;
  const i = id.lastIndexOf(':');
  if (i < 0) return undefined;
  const side = id.slice(i + 1) === 'l' ? 'l' : 'r';
  const head = id.slice(0, i);
  return head === 'header' ? { side } : { columnId: head, side };
}
