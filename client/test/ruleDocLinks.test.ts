import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  bundledPageSegments, docsUrl, handlerUriParts, isRuleId, RULE_DOCS_URL_PREFIX, ruleIdFromDocsUrl, ruleIdFromHandlerUri,
} from '../src/ruleDocs/ruleDocLinks';

const repo = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const docsFolder = path.join(repo, 'server', 'HygieneLsp.Core', 'Rules', 'Docs');
const pages = fs.readdirSync(docsFolder).flatMap(family =>
  fs.readdirSync(path.join(docsFolder, family)).map(file => `${family}/${file.replace(/\.md$/, '')}`));

test('links point into the repository package.json names, where the pages are', () => {
  assert.equal(RULE_DOCS_URL_PREFIX, `${manifest.repository.url}/blob/main/server/HygieneLsp.Core/Rules/Docs/`);
  assert.ok(pages.length >= 50, `${pages.length} pages`);
  for (const id of pages) {
    assert.equal(ruleIdFromDocsUrl(docsUrl(id)), id);
    assert.ok(fs.existsSync(path.join(docsFolder, ...bundledPageSegments(id).slice(2))), id);
  }
});

test('other links and malformed ids are left alone', () => {
  assert.equal(ruleIdFromDocsUrl('https://eslint.org/docs/rules/no-undef'), undefined);
  assert.equal(ruleIdFromDocsUrl(`${RULE_DOCS_URL_PREFIX}../../README.md`), undefined);
  assert.equal(ruleIdFromDocsUrl(`${RULE_DOCS_URL_PREFIX}npm/source-map-shipped.txt`), undefined);
  assert.equal(isRuleId('npm/source-map-shipped'), true);
  for (const bad of ['npm', 'npm/a/b', '../x', 'NPM/x', '', 42, undefined]) assert.equal(isRuleId(bad), false, String(bad));
});

test('the URI handler reads back the rule it was given', () => {
  const parts = handlerUriParts('hygiene-lsp.hygiene-lsp', 'secrets/github-token');
  assert.deepEqual(parts, { authority: 'hygiene-lsp.hygiene-lsp', path: '/rule', query: 'id=secrets%2Fgithub-token' });
  assert.equal(ruleIdFromHandlerUri(parts.path, parts.query), 'secrets/github-token');
  assert.equal(ruleIdFromHandlerUri('/other', parts.query), undefined);
  assert.equal(ruleIdFromHandlerUri('/rule', 'id=..%2F..%2Fetc'), undefined);
  assert.equal(manifest.activationEvents.includes('onUri'), true);
});

test('bundled pages sit under out/rules, which the .vsix keeps', () => {
  assert.deepEqual(bundledPageSegments('npm/env-file-shipped'), ['out', 'rules', 'npm', 'env-file-shipped.md']);
  const ignore = fs.readFileSync(path.join(repo, '.vscodeignore'), 'utf8');
  assert.match(ignore, /^!out\/rules\/\*\*\/\*\.md$/m);
});
