// Regenerates RULES.md:  npx ts-node --project test/tsconfig.json test/lint/write-rules-md.ts
import * as fs from 'fs';
import * as path from 'path';
import { renderRulesMarkdown } from '../../src/lint/rules-md';

fs.writeFileSync(path.join(__dirname, '..', '..', 'RULES.md'), renderRulesMarkdown());
