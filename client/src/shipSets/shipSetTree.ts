// Builds the "What ships" tree from a hygiene/shipSets response: units → folders → files, folders first, both sorted
// by name, with sizes and flagged counts summed upwards. Pure data, so the tree view only maps nodes to TreeItems.
import type { ShipSetsResult, ShipUnit, ShippedFile, UnitKind } from '../protocol';

export interface FileNode {
  type: 'file';
  name: string;
  /** Relative to the unit root. */
  path: string;
  /** Absolute path on disk, forward slashes as given by the server's root. */
  absolutePath: string;
  bytes: number;
  reason: string;
  flagged: boolean;
  ruleIds: string[];
  /** A predicted build output (not on disk yet): the config file and 0-based line that make it. */
  predictedFrom?: { path: string; line: number };
}

export interface FolderNode {
  type: 'folder';
  name: string;
  path: string;
  /** Root of the unit holding the folder: folder paths repeat across units. */
  unitRoot: string;
  bytes: number;
  fileCount: number;
  flaggedCount: number;
  children: TreeNode[];
}

export interface UnitNode {
  type: 'unit';
  kind: UnitKind;
  name: string;
  version?: string;
  root: string;
  bytes: number;
  fileCount: number;
  flaggedCount: number;
  children: TreeNode[];
}

export type TreeNode = FolderNode | FileNode;
export type ShipSetNode = UnitNode | TreeNode;

export function buildShipSetTree(result: ShipSetsResult | null | undefined): UnitNode[] {
  const units = Array.isArray(result?.units) ? result.units : [];
  return units
    .filter(u => u && typeof u.name === 'string')
    .map(buildUnit)
    .sort((a, b) => compareNames(a.name, b.name) || a.root.localeCompare(b.root));
}

function buildUnit(unit: ShipUnit): UnitNode {
  const top: FolderNode = emptyFolder('', '', unit.root);
  const files = Array.isArray(unit.files) ? unit.files : [];
  for (const file of files) addFile(top, unit.root, file);
  finish(top);
  return {
    type: 'unit',
    kind: unit.kind,
    name: unit.name,
    version: unit.version,
    root: unit.root,
    // The server's total is authoritative (it may count archive overhead); fall back to the sum.
    bytes: typeof unit.totalBytes === 'number' ? unit.totalBytes : top.bytes,
    fileCount: top.fileCount,
    flaggedCount: top.flaggedCount,
    children: top.children,
  };
}

function addFile(top: FolderNode, root: string, file: ShippedFile): void {
  const relative = String(file.path ?? '').replace(/\\/g, '/').replace(/^\.?\//, '');
  const segments = relative.split('/').filter(s => s !== '');
  if (segments.length === 0) return;
  let folder = top;
  for (const segment of segments.slice(0, -1)) {
    const folderPath = folder.path === '' ? segment : `${folder.path}/${segment}`;
    let next = folder.children.find((c): c is FolderNode => c.type === 'folder' && c.name === segment);
    if (!next) {
      next = emptyFolder(segment, folderPath, folder.unitRoot);
      folder.children.push(next);
    }
    folder = next;
  }
  folder.children.push({
    type: 'file',
    name: segments[segments.length - 1],
    path: segments.join('/'),
    absolutePath: joinRoot(root, segments.join('/')),
    bytes: Number.isFinite(file.bytes) ? file.bytes : 0,
    reason: typeof file.reason === 'string' ? file.reason : '',
    flagged: file.flagged === true,
    ruleIds: Array.isArray(file.ruleIds) ? file.ruleIds.filter(r => typeof r === 'string') : [],
    ...(file.predictedFrom && typeof file.predictedFrom.path === 'string' && Number.isInteger(file.predictedFrom.line)
      ? { predictedFrom: { path: file.predictedFrom.path, line: file.predictedFrom.line } }
      : {}),
  });
}

/** Sums sizes and counts bottom-up and sorts every level: folders first, then files, by name. */
function finish(folder: FolderNode): void {
  let bytes = 0;
  let fileCount = 0;
  let flaggedCount = 0;
  for (const child of folder.children) {
    if (child.type === 'folder') {
      finish(child);
      bytes += child.bytes;
      fileCount += child.fileCount;
      flaggedCount += child.flaggedCount;
    } else {
      bytes += child.bytes;
      fileCount += 1;
      flaggedCount += child.flagged ? 1 : 0;
    }
  }
  folder.bytes = bytes;
  folder.fileCount = fileCount;
  folder.flaggedCount = flaggedCount;
  folder.children.sort((a, b) => (a.type === b.type ? compareNames(a.name, b.name) : a.type === 'folder' ? -1 : 1));
}

function emptyFolder(name: string, path: string, unitRoot: string): FolderNode {
  return { type: 'folder', name, path, unitRoot, bytes: 0, fileCount: 0, flaggedCount: 0, children: [] };
}

function joinRoot(root: string, relative: string): string {
  const base = String(root ?? '').replace(/\\/g, '/').replace(/\/+$/, '');
  return `${base}/${relative}`;
}

function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Label shown for a unit: `name@version` plus the packager it ships through. */
export function unitLabel(unit: UnitNode): string {
  return unit.version ? `${unit.name}@${unit.version}` : unit.name;
}

export const UNIT_KIND_LABEL: Record<UnitKind, string> = { npm: 'npm', vsix: 'vsix', nuget: 'NuGet', 'dotnet-publish': 'dotnet publish' };
