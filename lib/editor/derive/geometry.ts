/**
 * Fixed node geometry. The canvas gives React Flow exact sizes and handle positions, so edges route to
 * the right column row on the first frame without waiting for DOM measurement (that is what keeps the
 * first render of 1,000 tables fast). The table node's CSS uses the same numbers (editor.css: the
 * table's 1px border, each row's 1px top border, 8px handles centred on the sides), so when React Flow
 * measures a node it finds these same bounds: no edge moves and nothing re-renders.
 */
export const NODE_WIDTH = 280;
export const HEADER_HEIGHT = 36;
export const ROW_HEIGHT = 24;
export const FOOTER_HEIGHT = 6;
export const HANDLE_SIZE = 8;
/** The table's border (all sides) and each column row's top border, in CSS pixels. */
export const BORDER = 1;
export const ROW_BORDER = 1;

export function nodeHeight(rows: number): number {
  return HEADER_HEIGHT + rows * ROW_HEIGHT + FOOTER_HEIGHT;
}

/** rowCenterY is the y of a row's middle (below its top border), relative to the node's top. */
export function rowCenterY(row: number): number {
  return BORDER + HEADER_HEIGHT + row * ROW_HEIGHT + ROW_BORDER + (ROW_HEIGHT - ROW_BORDER) / 2;
}

/** headerCenterY is the y of the header's middle, relative to the node's top. */
export function headerCenterY(): number {
  return BORDER + HEADER_HEIGHT / 2;
}

/** handleX is the left edge of a handle on one side (centred on the inner edge of the border). */
export function handleX(side: 'l' | 'r'): number {
  return (side === 'l' ? BORDER : NODE_WIDTH - BORDER) - HANDLE_SIZE / 2;
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
