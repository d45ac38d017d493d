// Where a rule's documentation lives, in the three forms the extension meets: the GitHub URL the server puts in
// `codeDescription.href` (stable, what SARIF and other editors open), the page bundled in the .vsix (out/rules/<family>/
// <name>.md, opened offline), and the `<scheme>://<extension id>/rule?id=...` URI the extension handles itself, which the
// hover and the Problems panel both open (they refuse `command:` links from diagnostics). No 'vscode' import: unit-tested.

/** package.json `repository.url` + the docs folder; the server's RuleDocumentation.Url builds the same links. */
export const RULE_DOCS_URL_PREFIX =
  'https://github.com/hygiene-lsp/hygiene-lsp/blob/main/server/HygieneLsp.Core/Rules/Docs/';

/** Where build.mjs copies the pages inside the extension. */
export const BUNDLED_DOCS_FOLDER = ['out', 'rules'] as const;

const RULE_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;

export function isRuleId(value: unknown): value is string {
  return typeof value === 'string' && RULE_ID.test(value);
}

/** The rule id of one of our documentation URLs, or undefined for any other link. */
export function ruleIdFromDocsUrl(href: string): string | undefined {
  if (!href.startsWith(RULE_DOCS_URL_PREFIX) || !href.endsWith('.md')) return undefined;
  const id = href.slice(RULE_DOCS_URL_PREFIX.length, -'.md'.length);
  return isRuleId(id) ? id : undefined;
}

export function docsUrl(ruleId: string): string {
  return `${RULE_DOCS_URL_PREFIX}${ruleId}.md`;
}

/** Path segments of the bundled page below the extension folder. */
export function bundledPageSegments(ruleId: string): string[] {
  const [family, name] = ruleId.split('/');
  return [...BUNDLED_DOCS_FOLDER, family, `${name}.md`];
}

/** The parts of the URI the extension's URI handler opens: `<scheme>://<authority>/rule?id=<rule id>`. */
export function handlerUriParts(extensionId: string, ruleId: string): { authority: string; path: string; query: string } {
  return { authority: extensionId.toLowerCase(), path: '/rule', query: `id=${encodeURIComponent(ruleId)}` };
}

/** The rule id a handler URI asks for, or undefined when it is not one of ours. */
export function ruleIdFromHandlerUri(path: string, query: string): string | undefined {
  if (path !== '/rule') return undefined;
  const id = new URLSearchParams(query).get('id') ?? undefined;
  return isRuleId(id) ? id : undefined;
}
