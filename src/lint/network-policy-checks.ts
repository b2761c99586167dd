import { IConstruct } from 'constructs';
import { apiObjectsOf } from './api-objects';
import { failsBuild, isBlocking } from './exit-policy';
import { Finding, Severity } from './finding';
import { objectRef, sortFindings } from './finding-order';
import { LinterOptions } from './network-policy-linter';
import { lintObjects } from './runner';
import { terminalText } from '../text';

/**
 * Options of the synth-time check.
 */
export interface NetworkPolicyChecksOptions extends LinterOptions {
  /**
   * Fail on warnings too, not only on errors.
   * @default false
   */
  readonly strict?: boolean;

  /**
   * Print the warnings that do not fail the synth to standard error when the app synthesizes
   * (one line each, with the construct path, the message and the fix).
   * @default true
   */
  readonly printWarnings?: boolean;
}

/**
 * An opt-in check that runs the linter when the app synthesizes and fails `app.synth()` on
 * errors (with `strict`, on warnings too), naming the construct path of each object. The
 * warnings that do not fail it are printed to standard error (`printWarnings: false` to stop it).
 *
 * @example
 * const app = new App();
 * NetworkPolicyChecks.of(app);
 * // ... charts ...
 * app.synth(); // throws: [] NP006 error at shop/db-in (NetworkPolicy shop/db-in): ...
 * // stderr:   cdk8s-netpol: NP001 warning at shop/web (Deployment shop/web): ... Fix: ...
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
    scope.node.addValidation({
      validate: () => {
        const errors = checks.errors();
        if (options.printWarnings ?? true) checks.printWarnings();
        return errors;
      },
    });
    return checks;
  }

  private _findings: Finding[] | undefined;
  /** the lines printed so far: cdk8s validates more than once per synth, each warning is printed once */
  private readonly printed = new Set<string>();

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
      .map(describe);
  }

  /**
   * The active warnings that do not fail the synth (none with `strict`: they are errors then),
   * as printed at synth: one line each, terminal-safe.
   */
  public warnings(): string[] {
    const strict = this.options.strict ?? false;
    return sortFindings(this.findings)
      .filter((f) => !f.suppressed && f.severity === Severity.WARNING && !isBlocking(f, strict))
      .map((f) => terminalText(describe(f)));
  }

  private printWarnings(): void {
    for (const line of this.warnings()) {
      if (this.printed.has(line)) continue;
      this.printed.add(line);
      process.stderr.write(`cdk8s-netpol: ${line}\n`);
    }
  }
}

/** `NP001 warning at shop/web (Deployment shop/web spec...): message Fix: fix` */
function describe(f: Finding): string {
  const where = f.constructPath ?? (f.namespace ? `${f.namespace}/${f.name}` : f.name);
  return `${f.ruleId} ${f.severity} at ${where} (${objectRef(f)}${f.location ? ` ${f.location}` : ''}): ${f.message} Fix: ${f.fix}`;
}

const CHECKS = new WeakMap<IConstruct, NetworkPolicyChecks>();
