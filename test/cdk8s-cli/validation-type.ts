// Type-level: NetworkPolicyValidation against cdk8s-cli's plugin contract (`cdk8s-cli/plugins`).
// Checked by `tsc -p test/tsconfig.json` and by validation-type.test.ts (a TypeScript program of
// this file: an unused `@ts-expect-error` is an error too, so the gap below is pinned both ways).
import type { Validation, ValidationContext, ValidationViolation } from 'cdk8s-cli/plugins';
import { IValidationPluginContext, NetworkPolicyValidation, ValidationPluginViolation } from '../../src';

// The one gap: cdk8s-cli's `ValidationContext.manifests` is a `readonly string[]`, and jsii cannot
// express a readonly array (JSII3001: "ReadonlyArray" cannot be used), so the plugin's context
// declares a `string[]`. At run time nothing differs (the plugin only reads the list; cdk8s-cli
// loads plugins with `require`, untyped, as synth-validate.test.ts shows), but TypeScript rejects
// the assignment:
// @ts-expect-error manifests: 'readonly string[]' is not assignable to 'string[]'
export const plugin: Validation = new NetworkPolicyValidation({ strict: true });

/** cdk8s-cli's context with a mutable list of manifests: everything else fits as it is. */
export type CliContext = Omit<ValidationContext, 'manifests'> & { readonly manifests: string[] };

/** Besides `manifests`, cdk8s-cli's context is a context of the plugin (report, logger). */
export function contextOf(context: CliContext): IValidationPluginContext {
  return context;
}

/** What cdk8s-cli's `validateApp` does: `await plugin.validate(context)`. */
export function run(context: CliContext): Promise<void> {
  return new NetworkPolicyValidation().validate(context);
}

/** The plugin's violations are cdk8s-cli violations. */
export function violation(v: ValidationPluginViolation): ValidationViolation {
  return v;
}
