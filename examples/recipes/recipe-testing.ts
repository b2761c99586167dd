// Shared by the recipe tests: synthesize a recipe, pin its YAML (jest snapshot AND a .yaml file next
// to the recipe, which the README links), and build the engine's view of it.
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { NetworkAssertions, PodEndpointProps } from '../../src';

/** A recipe: builds its chart(s) into an app and returns the chart. */
export type Recipe = (app: App) => Chart;

/** The synthesized recipe. */
export interface SynthesizedRecipe {
  readonly app: App;
  readonly chart: Chart;
  readonly yaml: string;
}

/** Synthesizes a recipe in a fresh app (runs the synth-time validations). */
export function synthRecipe(recipe: Recipe): SynthesizedRecipe {
  const app = Testing.app();
  const chart = recipe(app);
  return { app, chart, yaml: app.synthYaml() };
}

/**
 * The YAML file next to the recipe (`01-x.ts` -> `01-x.yaml`) must be what the recipe synthesizes.
 * A missing file is written (like a new jest snapshot), except under CI, where it fails.
 */
export function expectYamlFile(recipeFile: string, yaml: string): void {
  const file = recipeFile.replace(/\.test\.ts$|\.ts$/, '.yaml');
  const header = `# Synthesized from ${path.basename(file, '.yaml')}.ts by its test (examples/recipes). Do not edit.\n`;
  const expected = header + yaml;
  if (!fs.existsSync(file) || process.env.UPDATE_RECIPES === '1') {
    if (process.env.CI === 'true' && process.env.UPDATE_RECIPES !== '1') {
      throw new Error(`${path.basename(file)} is missing: run the recipe tests locally (without CI=true) to write it`);
    }
    fs.writeFileSync(file, expected);
    return;
  }
  const actual = fs.readFileSync(file, 'utf8');
  if (actual !== expected) {
    throw new Error(`${path.basename(file)} is out of date: rerun the recipe tests with UPDATE_RECIPES=1 and review the diff`);
  }
}

/** Reachability assertions over the recipe's manifests plus the pods of its story. */
export function network(
  s: SynthesizedRecipe,
  pods: PodEndpointProps[],
  namespaces: { name: string; labels?: Record<string, string> }[] = [],
): NetworkAssertions {
  return NetworkAssertions.fromApp(s.app, { pods, namespaces });
}

/** The cluster DNS pod every recipe test can ask about. */
export const COREDNS: PodEndpointProps = { namespace: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' } };
