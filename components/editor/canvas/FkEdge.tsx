'use client';
/**
 * FkEdge draws a foreign key between two column rows with crow's-foot ends: the referenced end shows
 * one (||) or zero-or-one (o|), the referencing end many (>|) or zero-or-one for one-to-one keys.
 * Tables that overlap horizontally and self-references get a loop on the right. Zoomed out: a plain line.
 */
import { memo } from 'react';
import { BaseEdge, getSmoothStepPath, Position, type Edge, type EdgeProps } from '@xyflow/react';
import type { EdgeEnd, FkEdgeData } from '@/lib/editor/derive';
import { useLowDetail } from './lod';

export type FkFlowEdge = Edge<FkEdgeData, 'fk'>;

const GAP = 14;

/** endMarker draws the symbol at one end; dir is +1 when the edge leaves to the right, -1 to the left. */
function endMarker(x: number, y: number, dir: number, end: EdgeEnd): string {
  const a = x + dir * 6;
  const b = x + dir * 12;
  switch (end) {
    case 'one': return `M${a} ${y - 6}L${a} ${y + 6}M${b} ${y - 6}L${b} ${y + 6}`;
    case 'zero-one': return `M${a} ${y - 6}L${a} ${y + 6}M${b + dir * 4} ${y}m${-4} 0a4 4 0 1 0 8 0a4 4 0 1 0 -8 0`;
    case 'many': return `M${x} ${y - 7}L${b} ${y}L${x} ${y + 7}M${b} ${y - 6}L${b} ${y + 6}`;
  }
}

function FkEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, interactionWidth }: EdgeProps<FkFlowEdge>) {
  const low = useLowDetail();
  const hot = Boolean(data?.highlighted || selected);
  const className = `pgc-edge${hot ? ' is-hot' : ''}`;
  if (low) return <path d={`M${sourceX} ${sourceY}L${targetX} ${targetY}`} className={`${className} pgc-edge-low`} />;
  const sdir = sourcePosition === Position.Right ? 1 : -1;
  const tdir = targetPosition === Position.Right ? 1 : -1;
  let path: string;
  if (sdir === tdir) {
    const x = (sdir > 0 ? Math.max(sourceX, targetX) : Math.min(sourceX, targetX)) + sdir * 40;
    path = `M${sourceX} ${sourceY}L${sourceX + sdir * GAP} ${sourceY}C${x} ${sourceY} ${x} ${targetY} ${targetX + tdir * GAP} ${targetY}L${targetX} ${targetY}`;
  } else {
    [path] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8, offset: 18 });
  }
  const marks = `${endMarker(sourceX, sourceY, sdir, data?.sourceEnd ?? 'many')}${endMarker(targetX, targetY, tdir, data?.targetEnd ?? 'one')}`;
  return (
    <>
      <BaseEdge id={id} path={path} className={className} interactionWidth={interactionWidth ?? 12} />
      <path d={marks} className={`${className} pgc-edge-mark`} fill="none" />
      {hot && data && <title>{data.name}</title>}
    </>
  );
}

export const FkEdge = memo(FkEdgeView);
