import { cdk8s, javascript } from 'projen';
import { UpgradeDependenciesSchedule, TypescriptConfig, TypescriptConfigExtends } from 'projen/lib/javascript';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-netpol',
  packageName: 'cdk8s-netpol',
  description:
    'Kubernetes NetworkPolicy for cdk8s, made safe: intent-level constructs, a reachability engine, ' +
    'test assertions, a linter and a CLI.',
  author: 'cdk8s-netpol maintainers',
  // an organization, named by its URL (jsii's author takes one address: the URL, not the mail)
  authorAddress: 'https://github.com/cdk8s-netpol',
  authorOrganization: true,
  repositoryUrl: 'https://github.com/cdk8s-netpol/cdk8s-netpol.git',
  homepage: 'https://github.com/cdk8s-netpol/cdk8s-netpol#readme',
  bugsUrl: 'https://github.com/cdk8s-netpol/cdk8s-netpol/issues',
  license: 'Apache-2.0',
  keywords: ['cdk8s', 'kubernetes', 'networkpolicy', 'network-policy', 'security'],
  stability: 'experimental',

  defaultReleaseBranch: 'main',
  // Releases (DEVELOPERS.md, "Releases"): the version comes from the conventional commits since
  // the last tag. 0.x until the API is declared stable: majorVersion 0 makes a bump to 1.0.0 fail
  // the release instead of happening by accident (a breaking change bumps the minor before 1.0).
  // The first release, with no tag yet, would be 0.0.0: .ci/next-version answers 0.1.0 then, and
  // nothing afterwards (the commits decide).
  majorVersion: 0,
  nextVersionCommand: 'bash .ci/next-version',
  // npm trusted publishing (OIDC, no NPM_TOKEN secret): the publish job gets id-token: write, and
  // npm records provenance for the package (the default for a public package, set to say so).
  npmTrustedPublishing: true,
  npmProvenance: true,
  // jsii-diff against the latest release: wired below, only once a release exists on npm.
  compat: false,
  packageManager: javascript.NodePackageManager.NPM,
  // Node 20 (the build machines') reached end of life; the suite runs on 20 and on 24 (.ci/run),
  // and the workflows build on 24, the current LTS.
  minNodeVersion: '20.0.0',
  workflowNodeVersion: '24.x',
  projenrcTs: true,

  // Versions that install from the registry mirror of this workplace (see DEVELOPERS.md).
  cdk8sVersion: '2.68.12',
  constructsVersion: '10.3.0',
  jsiiVersion: '~6.0.0',
  // cdk8s-plus is not a dependency: Peer.workload() and PodSelector.workload() read any major's
  // synthesized objects. Three majors are dev dependencies, side by side, for the interop tests
  // (test/interop/); cdk8s-plus-28 is also what the examples and benchmarks use.
  // @types/node pinned to the runtime (projen would otherwise ask for a dist-tag the mirror lacks).
  // `yaml` only writes and checks YAML in tests, benchmarks and examples: manifests are read by
  // src/manifests/yaml-reader.ts, as kubectl reads them.
  devDeps: [
    'fast-check@^4', '@types/node@^20', 'commonmark@^0.31', '@types/commonmark@^0.27',
    'cdk8s-plus-28@^2.5.6', 'cdk8s-plus-31@^2.6.43', 'cdk8s-plus-33@^2.5.57', 'yaml@^2.3.2',
    // the real `cdk8s synth --validate` runs the validation plugin in test/cdk8s-cli/
    'cdk8s-cli@^2.207.60',
    // the official SARIF 2.1.0 schema and a toBeValidSarifLog matcher (test/report/sarif.test.ts);
    // pinned: its only release is a beta
    '@microsoft/jest-sarif@1.0.0-beta.0',
  ],

  // The HTML report lays its graph out with dagre (MIT), inlined into the page it writes: bundled
  // into this package (jsii allows only jsii libraries as ordinary dependencies).
  bundledDeps: ['@dagrejs/dagre@3.1.3'],

  bin: { 'cdk8s-netpol': 'lib/cli/main.js' },

  jestOptions: {
    // Snapshots are never rewritten silently: drift fails the build. Write new ones on purpose
    // with `npx projen test -u` (or `npx projen test:update`).
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    // a run that executes no test must fail, not pass quietly
    passWithNoTests: false,
    // machine-readable results: .ci/run prints its closing `N passed, N failed` line from them
    extraCliOptions: ['--json', '--outputFile=test-reports/jest-results.json'],
    jestConfig: {
      testMatch: [
        '<rootDir>/@(test|examples)/**/*.test.ts',
      ],
      // property tests and the example apps take a little longer than unit tests
      testTimeout: 60_000,
    },
  },

  tsconfigDev: {
    include: ['../examples/**/*.ts', '../bench/**/*.ts'],
    compilerOptions: {},
  },

  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'projenrc'],
  },

  // Every jsii language, with each ecosystem's conventions. The release workflow publishes them;
  // the local build packages JavaScript only (`package-all` below): PyPI, Maven Central, NuGet
  // and the Go proxy are not reachable from the build machines, and CI proves the bindings
  // generate (`npx projen bindings`).
  publishToPypi: { distName: 'cdk8s-netpol', module: 'cdk8s_netpol' },
  publishToMaven: {
    javaPackage: 'dev.cdk8snetpol',
    mavenGroupId: 'dev.cdk8s-netpol',
    mavenArtifactId: 'cdk8s-netpol',
  },
  publishToNuget: { dotNetNamespace: 'Cdk8sNetpol', packageId: 'Cdk8sNetpol' },
  publishToGo: { moduleName: 'github.com/cdk8s-netpol/cdk8s-netpol-go' },

  // the PR-title lint (conventional commits: the release's version and changelog read them)
  githubOptions: { mergify: false, pullRequestLint: true },
  // A weekly pull request upgrades the dev dependencies within their ranges' majors (the build
  // workflow tests it). Kept out of it: the pins that mean something (cdk8s and constructs are the
  // peer minimums users need; @types/node follows minNodeVersion; jest-sarif's only release is a
  // beta; dagre is bundled at an exact version).
  depsUpgrade: true,
  depsUpgradeOptions: {
    target: 'minor',
    exclude: [
      'cdk8s', 'constructs', '@types/node', '@microsoft/jest-sarif', '@dagrejs/dagre',
    ],
    // a new release waits a week before it is proposed
    cooldown: 7,
    workflowOptions: {
      schedule: UpgradeDependenciesSchedule.WEEKLY,
      labels: ['dependencies'],
    },
  },
  gitignore: ['/examples/dist/', '/bench/results/*.tmp', '/.tmp/'],
});

// examples/ and bench/ are type-checked (and linted) like the tests, with their own tsconfig so
// eslint's project service finds one next to each file.
for (const dir of ['examples', 'bench']) {
  new TypescriptConfig(project, {
    fileName: `${dir}/tsconfig.json`,
    extends: TypescriptConfigExtends.fromPaths(['../tsconfig.json']),
    compilerOptions: { rootDir: '..', noEmit: true, isolatedModules: true },
    include: ['**/*.ts'],
    exclude: ['node_modules', 'dist'],
  });
}

for (const path of ['/examples/', '/bench/', '/.ci/', '/DEVELOPERS.md']) {
  project.npmignore?.exclude(path);
}

// Synthesize the example app and show what it allows: the README's first command.
const example = project.addTask('example', {
  description: 'Synthesize the example app into examples/dist and print what the policies allow',
});
example.exec('ts-node --project test/tsconfig.json examples/main.ts');

// jsii-diff against the latest release on npm (.ci/compat): after every compile on CI (the build
// and release workflows, .ci/run), never locally (it asks the registry); before the first
// release it says there is nothing to compare with and passes. `npx projen compat` runs it by hand.
const compat = project.tasks.tryFind('compat')!;
compat.reset('bash .ci/compat');
project.compileTask.spawn(compat, { condition: 'node -e "if (!process.env.CI) process.exit(1)"' });

// Benchmarks are a script, not a timed test.
// `npx projen build` off CI packages JavaScript only: the other languages need toolchains and
// registries the build machines lack. The release workflow packages each language on its own.
const packageAll = project.tasks.tryFind('package-all');
if (packageAll) {
  packageAll.reset();
  packageAll.say('packaging JavaScript only here; the release workflow packages Python, Java, .NET and Go');
  packageAll.spawn(project.tasks.tryFind('package:js')!);
}

// The bindings of every jsii language generate (code only, no toolchain needed), and the
// generated Python compiles: CI runs this after the build.
const bindings = project.addTask('bindings', {
  description: 'Generate the Python, Java, .NET and Go bindings (code only) into dist/bindings and compile the Python',
});
bindings.exec('rm -rf dist/bindings');
bindings.exec('jsii-pacmak --code-only --outdir dist/bindings --target python --target java --target dotnet --target go');
bindings.exec('python3 -m compileall -q dist/bindings/python');

// The README's and the doc comments' TypeScript examples compile (jsii-rosetta, in the fixtures of
// rosetta/), so Construct Hub shows them in every language: CI runs this after the build (it reads
// the .jsii the build wrote). cdk8s-plus-33 is what the examples' workloads are made with.
project.package.addField('jsiiRosetta', { exampleDependencies: { 'cdk8s-plus-33': '^2.5.57' } });
project.addGitIgnore('/.jsii.tabl.json');
project.npmignore?.exclude('/.jsii.tabl.json', '/rosetta/', '/.compatignore');
const rosetta = project.addTask('rosetta', {
  description: "Compile the README's and the doc comments' TypeScript examples (needs the .jsii of a build); fails on one that does not compile",
});
rosetta.exec('jsii-rosetta extract --compile --fail .jsii');

// The build workflow checks what .ci/run checks after the build: the examples compile, and the
// packed tarball works in a new cdk8s app with the README's example.
project.buildWorkflow?.addPostBuildSteps(
  { name: 'Examples compile (rosetta)', run: 'npx projen rosetta' },
  { name: 'Fresh cdk8s app with the packed tarball', run: 'bash .ci/fresh-app' },
);

const bench = project.addTask('bench', {
  description: 'Run the synth and engine benchmarks (writes bench/results/latest.json and bench/results/engine.svg)',
});
bench.exec('node --expose-gc -r ts-node/register/transpile-only bench/run.ts', {
  env: { TS_NODE_PROJECT: 'test/tsconfig.json' },
  // `npm run bench -- --quick`, `--only engine`, ... reach the script
  receiveArgs: true,
});

project.synth();
