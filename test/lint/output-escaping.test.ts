/**
 * Findings whose free text was written by an attacker (issue 11, item 1): a suppression reason
 * (a free-text annotation), a file path, and label keys and values that the rules quote in their
 * messages, run through the engine and the linter, then written in every format findings have:
 * the text of `lint`, Markdown, SARIF, JSON, and the cdk8s validation plugin's log.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { deployment, policy } from './helpers';
import { makeStyle } from '../../src/cli/framework';
import { formatText } from '../../src/cli/lint-command';
import { Finding } from '../../src/lint/finding';
import { lintObjects, ruleDocs } from '../../src/lint/runner';
import { NetworkPolicyValidation, ValidationPluginViolation } from '../../src/lint/validation-plugin';
import { renderFindingsMarkdown } from '../../src/report/markdown';
import { renderSarif } from '../../src/report/sarif';
import { jsonText, visibleText } from '../../src/text';
import { outline } from '../report/markdown-structure';

/** What a terminal must never receive from the input. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const REASON = 'fine\n```\n\n**No changes in connectivity.**\n\n<!--\u001b[2J\u001b]8;;http://evil\u0007\u202eexe';
const FILE = 'dist/a`b|c <!-- \u001b[31m\u202e\n.yaml';
const VALUE = 'v_1.x'; // a valid label value: dots and underscores
const KEY = `example.com/${'k'.repeat(3)}`;
const HOSTILE_VALUE = '*x*|<b>y</b>\n`z`\u202e';

function findingsWith(reason: string, file: string, value: string): Finding[] {
  return lintObjects([
    { object: deployment('shop', 'web', { app: 'web' }, { annotations: { 'cdk8s-netpol.io/suppress': `NP001=${reason}` } }), file, line: 3 },
    {
      object: policy('shop', 'p', {
        podSelector: { matchLabels: { [KEY]: value } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: value } } }] }],
      }),
      file,
      line: 20,
    },
  ]).findings;
}

describe.each([
  ['hostile text', REASON, FILE, HOSTILE_VALUE],
  ['a valid label value with dots and underscores', REASON, FILE, VALUE],
])('GIVEN %s in findings', (_, reason, file, value) => {
  const findings = findingsWith(reason, file, value);
  const benign = findingsWith('fine', 'dist/app.yaml', 'v');
  const np004 = findings.find((f) => f.ruleId === 'NP004')!;

  test('the engine quotes the label in the message, raw (the data model keeps the text)', () => {
    expect(np004.message).toContain(`${KEY}=${value}`);
    expect(findings.find((f) => f.ruleId === 'NP001')!.suppressionReason).toBe(reason);
  });

  test('lint text: each finding is three lines and each suppression one, no raw control or bidi character', () => {
    const text = formatText(findings, makeStyle(false));
    expect(text).not.toMatch(RAW);
    expect(text.split('\n')).toHaveLength(formatText(benign, makeStyle(false)).split('\n').length);
    expect(text).toContain(`${visibleText(file)}:20: warning NP004 NetworkPolicy shop/p (spec.podSelector)\n  ${visibleText(np004.message)}\n`);
    expect(text).toContain(`Suppressed:\n  NP001 Deployment shop/web: ${visibleText(reason)}\n`);
    expect(text).toContain('\\x1b[2J');
    expect(text).toContain('\\u202eexe');
  });

  test('lint text with colour: the only escape sequences are the command\'s own colours', () => {
    const text = formatText(findings, makeStyle(true));
    const sequences = [...text.matchAll(/\u001b\[[0-9;]*m/g)].map((m) => m[0]);
    expect(sequences.length).toBeGreaterThan(0);
    // bold, dim, red, yellow and their ends: what makeStyle writes
    for (const sequence of sequences) expect(['\u001b[1m', '\u001b[22m', '\u001b[2m', '\u001b[31m', '\u001b[33m', '\u001b[39m']).toContain(sequence);
    expect(text.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(RAW);
  });

  test('markdown: one table row per active finding, one list item per suppressed one, the texts literal', () => {
    const md = outline(renderFindingsMarkdown(findings));
    const expected = outline(renderFindingsMarkdown(benign));
    expect(md.counts).toEqual(expected.counts);
    expect(md.html).toEqual(['<details><summary>1 suppressed</summary>', '</details>']);
    expect(md.tables[0].map((r) => r.length)).toEqual(expected.tables[0].map((r) => r.length));
    expect(md.cellNodeTypes).toEqual(expected.cellNodeTypes);
    const row = md.tables[0].find((r) => r[1] === 'NP004')!;
    expect(row[2]).toBe('NetworkPolicy shop/p spec.podSelector');
    expect(row[3]).toBe(visibleText(np004.message));
    expect(md.items).toEqual([`NP001 on Deployment shop/web: ${visibleText(reason)}`]);
  });

  test('sarif: the message, the justification and the file as GitHub reads them', () => {
    const sarif = renderSarif(findings, ruleDocs());
    expect(sarif).not.toMatch(/[\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
    const results = JSON.parse(sarif).runs[0].results;
    for (const r of results) {
      expect(r.message.text).not.toMatch(RAW);
      expect(decodeURI(r.locations[0].physicalLocation.artifactLocation.uri)).toBe(file);
    }
    expect(results.find((r: any) => r.ruleId === 'NP004').message.text).toContain(visibleText(`${KEY}=${value}`));
    expect(results.find((r: any) => r.ruleId === 'NP001').suppressions[0].justification).toBe(visibleText(reason));
  });

  test('json: the raw findings, without a raw invisible character', () => {
    const json = jsonText(findings, 2);
    expect(JSON.parse(json)).toEqual(findings);
    expect(json).not.toMatch(/[\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
  });
});

describe('the cdk8s validation plugin', () => {
  test('GIVEN a hostile suppression reason and message THEN its log line and violations are terminal text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-plugin-'));
    const file = path.join(dir, 'app.k8s.yaml');
    const objects = [
      deployment('shop', 'web', { app: 'web' }, { annotations: { 'cdk8s-netpol.io/suppress': `NP001=${REASON}` } }),
      policy('shop', 'p', { podSelector: { matchLabels: { app: HOSTILE_VALUE } }, policyTypes: ['Ingress'] }),
    ];
    fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
    const logs: string[] = [];
    const violations: ValidationPluginViolation[] = [];
    await new NetworkPolicyValidation().validate({
      manifests: [file],
      report: { addViolation: (v) => violations.push(v), submit: () => undefined },
      logger: { log: (m) => logs.push(m) },
    });
    expect(logs).toEqual([`cdk8s-netpol: NP001 suppressed on Deployment shop/web: ${visibleText(REASON)}`]);
    const np004 = violations.find((v) => v.ruleName.startsWith('NP004'))!;
    expect(np004.recommendation).toContain(visibleText(HOSTILE_VALUE));
    for (const v of violations) expect(v.recommendation + v.fix).not.toMatch(RAW);
  });
});

describe('invalid suppression entries (NP000)', () => {
  test('GIVEN an entry with an escape and 500 characters THEN the message quotes it escaped and cut', () => {
    const entry = `bad\u001b[2J\n${'x'.repeat(500)}`;
    const [np000] = lintObjects([{ object: deployment('shop', 'web', { app: 'web' }, { annotations: { 'cdk8s-netpol.io/suppress': entry } }) }])
      .findings.filter((f) => f.ruleId === 'NP000');
    expect(np000.message).toBe(`Deployment shop/web: "bad\\u001b[2J\\n${'x'.repeat(112)}\u2026" (${entry.length} characters) is not a suppression: write "NP001=reason"; it is ignored.`);
  });
});
