import { Finding } from '../lint/finding';
import { objectRef, sortFindings } from '../lint/finding-order';
import type { LintRuleInfo } from '../lint/network-policy-linter';
import { jsonText, sarifText } from '../text';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** `tool.driver.version`: the package's version (the CLI reads it from package.json); omitted when not given */
  readonly toolVersion?: string;
  /** where rules are documented; each rule links to `${rulesUri}#npnnn` */
  readonly rulesUri?: string;
}

/**
 * Findings as a SARIF 2.1.0 log, for code-scanning annotations on pull requests
 * (e.g. `github/codeql-action/upload-sarif`). Suppressed findings carry a SARIF suppression
 * with the reason, so they show as dismissed rather than disappearing.
 *
 * What GitHub shows from the input (the message, the logical location, related objects, the
 * justification) is `sarifText`: one line, no control or bidirectional character. The file is a
 * URI (`sarifUri`): a percent-encoded relative reference, a `file://` URI for an absolute path,
 * `stdin` for standard input; and the whole log is `jsonText`.
 */
export function renderSarif(findings: readonly Finding[], rules: readonly LintRuleInfo[], options: SarifOptions = {}): string {
  const rulesUri = options.rulesUri ?? 'https://github.com/cdk8s-netpol/cdk8s-netpol/blob/main/RULES.md';
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = sortFindings(findings).map((f) => {
    const logical = {
      name: sarifText(f.name),
      fullyQualifiedName: sarifText(f.constructPath ?? (f.namespace ? `${f.namespace}/${f.kind}/${f.name}` : `${f.kind}/${f.name}`)),
      kind: 'resource',
    };
    const line = f.line;
    const location: Record<string, unknown> = { logicalLocations: [logical] };
    if (f.file) {
      location.physicalLocation = {
        artifactLocation: { uri: sarifUri(f.file) },
        region: { startLine: line ?? 1 },
      };
    }
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      level: LEVEL[f.severity] ?? 'warning',
      message: { text: sarifText(`${objectRef(f)}${f.location ? ` (${f.location})` : ''}: ${f.message} Fix: ${f.fix}`) },
      locations: [location],
      partialFingerprints: { objectRule: `${f.ruleId}/${f.kind}/${f.namespace}/${f.name}/${f.location ?? ''}` },
    };
    const idx = ruleIndex.get(f.ruleId);
    if (idx !== undefined) result.ruleIndex = idx;
    if (f.related && f.related.length > 0) {
      result.relatedLocations = f.related.map((r, i) => ({ id: i + 1, message: { text: sarifText(r) } }));
    }
    if (f.suppressed) {
      result.suppressions = [{ kind: 'inSource', justification: sarifText(f.suppressionReason ?? '') }];
    }
    return result;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cdk8s-netpol',
          informationUri: 'https://github.com/cdk8s-netpol/cdk8s-netpol',
          ...(options.toolVersion ? { version: options.toolVersion } : {}),
          rules: rules.map((r) => ({
            id: r.id,
            name: r.name.replace(/(^|[-\s])(\w)/g, (_m, _s, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, ''),
            shortDescription: { text: r.cause },
            fullDescription: { text: r.explanation },
            help: { text: `${r.explanation}\nFix: ${r.fix}`, markdown: `${r.explanation}\n\n**Fix:** ${r.fix}` },
            helpUri: `${rulesUri}#${r.id.toLowerCase()}`,
            defaultConfiguration: { level: LEVEL[r.severity] ?? 'warning' },
          })),
        },
      },
      results,
    }],
  };
  return jsonText(log, 2) + '\n';
}

/** How the manifest reader names standard input (`src/manifests/read.ts`). */
const STDIN_SOURCE = '<stdin>';

/**
 * Where a finding's file is, as a SARIF `artifactLocation.uri`, valid as the SARIF schema asks
 * (RFC 3986 URI references) and as code scanning reads it:
 * - a relative path: a relative reference (`artifactUri`), resolved against the checkout; a `:`
 *   in its first segment is percent-encoded, or `a:b.yaml` would read as a URI of scheme `a`;
 * - an absolute path (`/work/dist/a.yaml`, `C:\work\a.yaml`, `\\server\share\a.yaml`): a `file://`
 *   URI (`file:///work/dist/a.yaml`, `file:///C:/work/a.yaml`, `file://server/share/a.yaml`);
 * - standard input (`<stdin>`): the relative reference `stdin`. SARIF would allow leaving the
 *   physical location out, but GitHub code scanning expects one in every result; `stdin` is a
 *   file no checkout has, so no annotation lands on a wrong file, and the logical location
 *   names the object.
 */
export function sarifUri(file: string): string {
  if (file === STDIN_SOURCE) return 'stdin';
  const slashed = file.split('\\').join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${artifactUri(slashed)}`;
  if (slashed.startsWith('//')) return `file:${artifactUri(slashed)}`;
  if (slashed.startsWith('/')) return `file://${artifactUri(slashed)}`;
  const uri = artifactUri(slashed);
  const firstSlash = uri.indexOf('/');
  const first = firstSlash === -1 ? uri : uri.slice(0, firstSlash);
  return first.split(':').join('%3A') + (firstSlash === -1 ? '' : uri.slice(firstSlash));
}

/**
 * A file path as a SARIF `artifactLocation.uri` (a URI reference): `/` for separators, and
 * every character a URI does not allow in a path percent-encoded as UTF-8 (`%20`, `%0A`, `%1B`,
 * `%E2%80%AE`), `#` and `?` too (they would start a fragment or a query). A lone surrogate,
 * which UTF-8 cannot encode, is written as U+FFFD. Plain paths are unchanged.
 */
export function artifactUri(file: string): string {
  const wellFormed = file.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return encodeURI(wellFormed.split('\\').join('/')).replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
}
