'use client';
/** Node and edge types, defined once at module scope (React Flow re-mounts everything if these change). */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { TableNode } from './TableNode';
import { FkEdge } from './FkEdge';
import { AreaNode, NoteNode } from './Decorations';

export const NODE_TYPES: NodeTypes = { table: TableNode, note: NoteNode, area: AreaNode };
export const EDGE_TYPES: EdgeTypes = { fk: FkEdge };
