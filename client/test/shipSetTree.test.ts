import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ShipSetsResult } from '../src/protocol';
import { buildShipSetTree, type FileNode, type FolderNode, type ShipSetNode, unitLabel } from '../src/shipSets/shipSetTree';

const response: ShipSetsResult = {
  units: [
    {
      kind: 'npm',
      name: 'zeta-lib',
      root: '/work/zeta/',
      version: '2.0.0',
      totalBytes: 5000,
      files: [
        { path: 'package.json', bytes: 300, reason: 'always included', flagged: false, ruleIds: [] },
        { path: 'dist/index.js', bytes: 1000, reason: 'files: dist', flagged: false, ruleIds: [] },
        { path: 'dist/index.js.map', bytes: 3000, reason: 'files: dist', flagged: true, ruleIds: ['npm/source-map-shipped'] },
        { path: 'dist/sub/b.js', bytes: 100, reason: 'files: dist', flagged: false, ruleIds: [] },
        { path: 'dist/sub/a.js', bytes: 100, reason: 'files: dist', flagged: false, ruleIds: [] },
        { path: 'README.md', bytes: 500, reason: 'always included', flagged: false, ruleIds: [] },
        { path: '.env', bytes: 0, reason: 'not ignored', flagged: true, ruleIds: ['secrets/env-file', 'npm/env-shipped'] },
      ],
    },
    {
      kind: 'vsix',
      name: 'alpha-ext',
      root: 'C:\\src\\alpha',
      totalBytes: 10,
      files: [{ path: 'out\\extension.js', bytes: 10, reason: '', flagged: false, ruleIds: [] }],
    },
  ],
};

function names(nodes: ShipSetNode[]): string[] {
  return nodes.map(n => (n.type === 'folder' ? `${n.name}/` : n.name));
}

test('units are sorted by name and keep kind, version, root and the server total', () => {
  const [alpha, zeta] = buildShipSetTree(response);
  assert.equal(unitLabel(alpha), 'alpha-ext');
  assert.equal(alpha.kind, 'vsix');
  assert.equal(unitLabel(zeta), 'zeta-lib@2.0.0');
  assert.equal(zeta.bytes, 5000);
  assert.equal(zeta.fileCount, 7);
  assert.equal(zeta.flaggedCount, 2);
});

test('folders come first, then files, each sorted by name', () => {
  const zeta = buildShipSetTree(response)[1];
  assert.deepEqual(names(zeta.children), ['dist/', '.env', 'package.json', 'README.md']);
  const dist = zeta.children[0] as FolderNode;
  assert.deepEqual(names(dist.children), ['sub/', 'index.js', 'index.js.map']);
  assert.deepEqual(names((dist.children[0] as FolderNode).children), ['a.js', 'b.js']);
});

test('folder sizes and flagged counts are summed from the files below', () => {
  const dist = buildShipSetTree(response)[1].children[0] as FolderNode;
  assert.equal(dist.path, 'dist');
  assert.equal(dist.bytes, 4200);
  assert.equal(dist.fileCount, 4);
  assert.equal(dist.flaggedCount, 1);
  assert.equal(dist.unitRoot, '/work/zeta/');
  assert.equal((dist.children[0] as FolderNode).path, 'dist/sub');
});

test('files keep their rules and get an absolute path for opening', () => {
  const zeta = buildShipSetTree(response)[1];
  const map = (zeta.children[0] as FolderNode).children[2] as FileNode;
  assert.equal(map.absolutePath, '/work/zeta/dist/index.js.map');
  assert.equal(map.flagged, true);
  assert.deepEqual(map.ruleIds, ['npm/source-map-shipped']);
  assert.equal(map.reason, 'files: dist');
  const alphaFile = (buildShipSetTree(response)[0].children[0] as FolderNode).children[0] as FileNode;
  assert.equal(alphaFile.absolutePath, 'C:/src/alpha/out/extension.js');
  assert.equal(alphaFile.path, 'out/extension.js');
});

test('empty, missing and malformed responses give an empty or partial tree without throwing', () => {
  assert.deepEqual(buildShipSetTree(undefined), []);
  assert.deepEqual(buildShipSetTree(null), []);
  assert.deepEqual(buildShipSetTree({ units: [] }), []);
  const odd = buildShipSetTree({
    units: [
      // Fields a misbehaving server could send: no files array, nonsense paths and sizes.
      { kind: 'npm', name: 'a', root: '/a', totalBytes: 0 } as never,
      {
        kind: 'npm',
        name: 'b',
        root: '/b',
        totalBytes: 0,
        files: [
          { path: '', bytes: 1, reason: '', flagged: false, ruleIds: [] },
          { path: './x.js', bytes: Number.NaN, reason: '', flagged: 'yes', ruleIds: [1, 'r'] } as never,
        ],
      },
    ],
  });
  assert.equal(odd.length, 2);
  assert.equal(odd[0].fileCount, 0);
  const x = odd[1].children[0] as FileNode;
  assert.equal(x.path, 'x.js');
  assert.equal(x.bytes, 0);
  assert.equal(x.flagged, false);
  assert.deepEqual(x.ruleIds, ['r']);
});

test('the same relative folder in two units stays distinct', () => {
  const tree = buildShipSetTree({
    units: ['/p1', '/p2'].map((root, i) => ({
      kind: 'npm' as const,
      name: `p${i}`,
      root,
      totalBytes: 1,
      files: [{ path: 'dist/a.js', bytes: 1, reason: '', flagged: false, ruleIds: [] }],
    })),
  });
  const roots = tree.map(u => (u.children[0] as FolderNode).unitRoot);
  assert.deepEqual(roots, ['/p1', '/p2']);
});
