import { IConstruct } from 'constructs';
import { apiObjectsOf } from './api-objects';
import { failsBuild } from './exit-policy';
import { Finding } from './finding';
import { ruleDocs } from './rule-docs';
import { lintObjects } from './runner';
import { parseManifests } from '../manifests';

/**
 * Options of the linter.
 */
export interface LinterOptions {
  /**
   * Run only these rules (ids such as `NP004`).
   * @default - every rule
   */
  readonly rules?: string[];
  /**
   * Do not run these rules.
   * @default - none skipped
   */
  readonly skip?: string[];
  /**
   * Whether ipBlock peers also match pods by their IP (network-plugin dependent: Calico yes,
   * Cilium no).
   * @default false
   */
  readonly ipBlockMatchesPods?: boolean;
}

/**
 * A rule of the pack, as RULES.md documents it.
 */
export interface LintRuleInfo {
  /** The rule id, e.g. `NP004`. */
  readonly id: string;
  /** kebab-case name. */
  readonly name: string;
  /** `error`, `warning` or `info`. */
  readonly severity: string;
  /** What the rule detects, in one line. */
  readonly cause: string;
  /** Why it matters. */
  readonly explanation: string;
  /** The generic fix, in one line. */
  readonly fix: string;
}

/**
 * The NetworkPolicy linter: runs the rule pack (NP001-NP022, see RULES.md) on plain manifests,
 * YAML, or the API objects of a cdk8s app or chart, and returns the findings.
 *
 * Findings suppressed with the annotation `cdk8s-netpol.io/suppress: "NP001=reason"` are
 * returned too, marked `suppressed`.
 *
 * @example
 * const findings = NetworkPolicyLinter.lintScope(app);
 * for (const f of findings) console.log(`${f.ruleId} ${f.namespace}/${f.name}: ${f.message}`);
 */
export class NetworkPolicyLinter {
  /** Lints manifest objects (as plain JSON: `{ apiVersion, kind, metadata, spec }`). */
  public static lintManifests(manifests: any[], options: LinterOptions = {}): Finding[] {
    return lintObjects(manifests.map((object) => ({ object })), options).findings;
  }

  /** Lints YAML (any number of documents) or JSON text. */
  public static lintYaml(text: string, options: LinterOptions = {}): Finding[] {
    const docs = parseManifests(text, '<yaml>');
    return lintObjects(docs.map((d) => ({ object: d.object, line: d.line })), options).findings;
  }

  /**
   * Lints every API object under a construct (an App, a Chart, ...). Findings carry the
   * construct path of the object they are about.
   */
  public static lintScope(scope: IConstruct, options: LinterOptions = {}): Finding[] {
    return lintObjects(apiObjectsOf(scope), options).findings;
  }

  /** Every rule of the pack (and NP000, invalid suppressions). */
  public static rules(): LintRuleInfo[] {
    return ruleDocs();
  }

  /**
   * Whether findings should fail a build: an error that is not suppressed, or with `strict`
   * a warning too.
   */
  public static failsBuild(findings: Finding[], strict?: boolean): boolean {
    return failsBuild(findings, strict ?? false);
  }
}
