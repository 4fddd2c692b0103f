/**
 * Command: every model change the editor can make, as a closed union, and `runCommand`, the one switch
 * that applies them. The canvas, inspector, palette and shortcuts all dispatch these.
 */
import type { Model } from '@/lib/model';
import type { CommandResult } from './result';
import * as tables from './tables';
import * as columns from './columns';
import * as parts from './constraints';
import * as relations from './relations';
import * as enums from './enums';
import * as notes from './notes';
import * as clipboard from './clipboard';
import * as settings from './settings';

export type Command =
  | ({ type: 'addTable' } & tables.AddTableArgs)
  | ({ type: 'updateTable' } & tables.UpdateTableArgs)
  | { type: 'renameTable'; tableId: string; name: string }
  | { type: 'deleteTables'; tableIds: readonly string[] }
  | { type: 'moveTables'; positions: Readonly<Record<string, { x: number; y: number }>> }
  | { type: 'setTableLayout'; tableIds: readonly string[]; color?: string | null; collapsed?: boolean }
  | { type: 'duplicateTables'; tableIds: readonly string[] }
  | { type: 'pasteTables'; payload: clipboard.ClipboardPayload; offset?: { x: number; y: number } }
  | ({ type: 'addColumn' } & columns.AddColumnArgs)
  | ({ type: 'updateColumn' } & columns.UpdateColumnArgs)
  | { type: 'renameColumn'; tableId: string; columnId: string; name: string }
  | { type: 'deleteColumn'; tableId: string; columnId: string }
  | { type: 'reorderColumns'; tableId: string; columnIds: readonly string[] }
  | { type: 'moveColumn'; tableId: string; columnId: string; delta: number }
  | { type: 'setPrimaryKey'; tableId: string; columnIds: readonly string[] }
  | { type: 'togglePrimaryKeyColumn'; tableId: string; columnId: string }
  | ({ type: 'addPart' } & parts.AddPartArgs)
  | { type: 'updatePart'; tableId: string; kind: parts.PartKind; id: string; patch: object }
  | { type: 'deletePart'; tableId: string; kind: parts.PartKind; id: string }
  | ({ type: 'connectColumns' } & relations.ConnectColumnsArgs)
  | { type: 'referenceTable'; tableId: string; refTableId: string; nullable?: boolean }
  | { type: 'addManyToMany'; aTableId: string; bTableId: string; name?: string; tableId?: string }
  | { type: 'addEnum'; enumId?: string; schemaId?: string; name?: string; values?: string[] }
  | { type: 'updateEnum'; enumId: string; patch: Parameters<typeof enums.updateEnum>[1]['patch'] }
  | { type: 'deleteEnum'; enumId: string }
  | { type: 'addSchema'; schemaId?: string; name?: string }
  | { type: 'updateSchema'; schemaId: string; name?: string; comment?: string }
  | { type: 'deleteSchema'; schemaId: string }
  | { type: 'addNote'; noteId?: string; x: number; y: number; text?: string }
  | { type: 'addArea'; areaId?: string; x: number; y: number; width?: number; height?: number; name?: string; color?: string }
  | { type: 'updateDecoration'; kind: 'notes' | 'areas'; id: string; patch: Partial<notes.Note & notes.Area> }
  | { type: 'deleteDecoration'; kind: 'notes' | 'areas'; id: string }
  /** moveArea: an area dragged, with the tables and notes inside it (one undo step). */
  | { type: 'moveArea'; areaId: string; x: number; y: number; contents?: notes.AreaContents }
  | { type: 'setTargetVersion'; version: number | undefined }
  | { type: 'setProjectSecurity'; patch: settings.ProjectSecurityPatch }
  /** applyFix replaces the model with the result of an advisor fix (a pure model -> model function run elsewhere). */
  | { type: 'applyFix'; title: string; model: Model };

export type CommandType = Command['type'];

export function runCommand(model: Model, cmd: Command): CommandResult {
  switch (cmd.type) {
    case 'addTable': return tables.addTable(model, cmd);
    case 'updateTable': return tables.updateTableProps(model, cmd);
    case 'renameTable': return tables.renameTable(model, cmd);
    case 'deleteTables': return tables.deleteTables(model, cmd);
    case 'moveTables': return tables.moveTables(model, cmd);
    case 'setTableLayout': return tables.setTableLayout(model, cmd);
    case 'duplicateTables': return clipboard.duplicateTables(model, cmd);
    case 'pasteTables': return clipboard.pasteTables(model, cmd);
    case 'addColumn': return columns.addColumn(model, cmd);
    case 'updateColumn': return columns.updateColumn(model, cmd);
    case 'renameColumn': return columns.renameColumn(model, cmd);
    case 'deleteColumn': return columns.deleteColumn(model, cmd);
    case 'reorderColumns': return columns.reorderColumns(model, cmd);
    case 'moveColumn': return columns.moveColumn(model, cmd);
    case 'setPrimaryKey': return columns.setPrimaryKey(model, cmd);
    case 'togglePrimaryKeyColumn': return columns.togglePrimaryKeyColumn(model, cmd);
    case 'addPart': return parts.addPart(model, cmd);
    case 'updatePart': return parts.updatePart(model, cmd);
    case 'deletePart': return parts.deletePart(model, cmd);
    case 'connectColumns': return relations.connectColumns(model, cmd);
    case 'referenceTable': return relations.referenceTable(model, cmd);
    case 'addManyToMany': return relations.addManyToMany(model, cmd);
    case 'addEnum': return enums.addEnum(model, cmd);
    case 'updateEnum': return enums.updateEnum(model, cmd);
    case 'deleteEnum': return enums.deleteEnum(model, cmd);
    case 'addSchema': return enums.addSchema(model, cmd);
    case 'updateSchema': return enums.updateSchema(model, cmd);
    case 'deleteSchema': return enums.deleteSchema(model, cmd);
    case 'addNote': return notes.addNote(model, cmd);
    case 'addArea': return notes.addArea(model, cmd);
    case 'updateDecoration': return notes.updateDecoration(model, cmd);
    case 'deleteDecoration': return notes.deleteDecoration(model, cmd);
    case 'moveArea': return notes.moveArea(model, cmd);
    case 'setTargetVersion': {
      const settings = { ...(model.settings ?? {}) };
      if (cmd.version === undefined) delete settings.targetVersion; else settings.targetVersion = cmd.version;
      const next = { ...model, settings };
      if (Object.keys(settings).length === 0) delete (next as Partial<Model>).settings;
      return { ok: true, model: next };
    }
    case 'setProjectSecurity': return settings.setProjectSecurity(model, cmd);
    case 'applyFix': return { ok: true, model: cmd.model };
    default: {
      const unknown: never = cmd;
      throw new Error(`unknown command: ${JSON.stringify(unknown)}`);
    }
  }
}

/** describeCommand is the label of an undo step ("Undo rename column"). */
export function describeCommand(cmd: Command): string {
  return cmd.type.replace(/([A-Z])/g, ' $1').toLowerCase();
}

export * from './result';
export { copyTables, parseClipboard, type ClipboardPayload } from './clipboard';
export { areaContents, tableBox, type AreaContents } from './notes';
export type { ProjectSecurityPatch } from './settings';
export { foreignKeyProblem, defaultPartName, type PartKind } from './constraints';
