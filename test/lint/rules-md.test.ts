import * as fs from 'fs';
import * as path from 'path';
import { renderRulesMarkdown } from '../../src/lint/rules-md';

test('RULES.md is generated from the rules (regenerate: npx ts-node --project test/tsconfig.json test/lint/write-rules-md.ts)', () => {
  const file = fs.readFileSync(path.join(__dirname, '..', '..', 'RULES.md'), 'utf8');
  expect(file).toBe(renderRulesMarkdown());
  for (let i = 1; i <= 22; i++) expect(file).toContain(`## NP${String(i).padStart(3, '0')}`);
});
