import * as path from 'path';
import * as ts from 'typescript';

// validation-type.ts holds the type-level assertions; jest transpiles test files without checking
// types, so this test compiles it as `tsc -p test/tsconfig.json` would.
test('NetworkPolicyValidation type-checks against cdk8s-cli\'s Validation contract (validation-type.ts)', () => {
  const configFile = path.join(__dirname, '..', 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram([path.join(__dirname, 'validation-type.ts')], { ...config.options, noEmit: true });
  const diagnostics = ts.getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? path.relative(process.cwd(), d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  expect(diagnostics).toEqual([]);
});
