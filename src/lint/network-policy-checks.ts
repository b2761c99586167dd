import { IConstruct } from 'constructs';
import { apiObjectsOf } from './api-objects';
import { failsBuild, isBlocking } from './exit-policy';
import { Finding } from './finding';
import { sortFindings } from './finding-order';
import { LinterOptions } from './network-policy-linter';
import { lintObjects } from './runner';

/**
 * Options of the synth-time check.
 */
export interface NetworkPolicyChecksOptions extends LinterOptions {
  /**
   * Fail on warnings too, not only on errors.
   * @default false
   */
  readonly strict?: boolean;
}

/**
 * An opt-in check that runs the linter when the app synthesizes and fails `app.synth()` on
 * errors (with `strict`, on warnings too), naming the construct path of each object.
 *
 * @example
 * const app = new App();
 * NetworkPolicyChecks.of(app);
 * // ... charts ...
 * app.synth(); // throws: [] NP006 error at shop/db-in (NetworkPolicy shop/db-in): ...
 */
export class NetworkPolicyChecks {
  /**
   * Adds the check to a scope (an App or a Chart): every API object under it is linted when
   * the app synthesizes. Adding it twice to the same scope adds it once.
   */
  public static of(scope: IConstruct, options: NetworkPolicyChecksOptions = {}): NetworkPolicyChecks {
    const existing = CHECKS.get(scope);
    if (existing) return existing;
    const checks = new NetworkPolicyChecks(scope, options);
    CHECKS.set(scope, checks);
    scope.node.addValidation({ validate: () => checks.errors() });
    return checks;
  }

  private _findings: Finding[] | undefined;

  private constructor(private readonly scope: IConstruct, private readonly options: NetworkPolicyChecksOptions) {}

  /** Every finding under the scope (computed when first asked, and at synth). */
  public get findings(): Finding[] {
    if (!this._findings) this._findings = lintObjects(apiObjectsOf(this.scope), this.options).findings;
    return this._findings;
  }

  /** The messages that fail the synth: one per active error (and warning with `strict`). */
  public errors(): string[] {
    this._findings = undefined; // the app may have changed since
    const findings = this.findings;
    if (!failsBuild(findings, this.options.strict ?? false)) return [];
    return sortFindings(findings)
      .filter((f) => isBlocking(f, this.options.strict ?? false))
      .map((f) => `${f.ruleId} ${f.severity} at ${f.constructPath ?? `${f.namespace}/${f.name}`} (${f.kind} ${f.namespace}/${f.name}` +
        `${f.location ? ` ${f.location}` : ''}): ${f.message} Fix: ${f.fix}`);
  }
}

const CHECKS = new WeakMap<IConstruct, NetworkPolicyChecks>();
