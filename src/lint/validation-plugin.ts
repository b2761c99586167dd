import * as fs from 'fs';
import { LintInput } from './context';
import { failsBuild } from './exit-policy';
import { LinterOptions } from './network-policy-linter';
import { lintObjects } from './runner';
import { parseManifests } from '../manifests';
import { terminalText } from '../text';

/**
 * A resource in a violation of a cdk8s validation report (cdk8s-cli `ValidationViolatingResource`).
 */
export interface ValidationPluginResource {
  /** `metadata.name`: cdk8s-cli maps it to the construct path. */
  readonly resourceName: string;
  /** Field paths inside the resource. */
  readonly locations: string[];
  /** The manifest file. */
  readonly manifestPath: string;
}

/**
 * A violation in a cdk8s validation report (cdk8s-cli `ValidationViolation`).
 */
export interface ValidationPluginViolation {
  /** Rule id and name, e.g. `NP006 named-port-unresolved`. */
  readonly ruleName: string;
  /** What is wrong. */
  readonly recommendation: string;
  /** How to fix it. */
  readonly fix: string;
  /** The resources in violation. */
  readonly violatingResources: ValidationPluginResource[];
}

/**
 * The report of a cdk8s validation (the part of cdk8s-cli's `ValidationReport` a plugin uses).
 */
export interface IValidationPluginReport {
  /** Adds a violation. */
  addViolation(violation: ValidationPluginViolation): void;
  /** Submits the report: `success` or `failure`. */
  submit(status: string, metadata?: Record<string, string>): void;
}

/**
 * A logger of a cdk8s validation.
 */
export interface IValidationPluginLogger {
  /** Logs a message. */
  log(message: string): void;
}

/**
 * What cdk8s-cli gives a validation plugin (its `ValidationContext`, structurally).
 */
export interface IValidationPluginContext {
  /** Paths of the synthesized manifests. */
  readonly manifests: string[];
  /** The report to fill. */
  readonly report: IValidationPluginReport;
  /** The logger. */
  readonly logger: IValidationPluginLogger;
}

/**
 * Properties of the validation plugin (the `properties` of its entry in `cdk8s.yaml`).
 */
export interface NetworkPolicyValidationProps extends LinterOptions {
  /**
   * Fail the validation on warnings too, not only on errors.
   * @default false
   */
  readonly strict?: boolean;
}

/**
 * A cdk8s validation plugin (for `validations` in `cdk8s.yaml`): `cdk8s synth` then runs the
 * NetworkPolicy linter on the synthesized manifests and prints every finding with its construct
 * path; errors (and warnings with `strict`) fail the synth.
 *
 * ```yaml
 * validations:
 *   - package: cdk8s-netpol
 *     class: NetworkPolicyValidation
 *     version: 0.0.0
 *     properties:
 *       strict: false
 * ```
 */
export class NetworkPolicyValidation {
  private readonly props: NetworkPolicyValidationProps;

  public constructor(props: NetworkPolicyValidationProps = {}) {
    this.props = props;
  }

  /** Runs the linter on `context.manifests` and fills `context.report`. */
  public async validate(context: IValidationPluginContext): Promise<void> {
    const inputs: LintInput[] = [];
    for (const file of context.manifests) {
      for (const doc of parseManifests(fs.readFileSync(file, 'utf8'), file)) {
        inputs.push({ object: doc.object, file, line: doc.line });
      }
    }
    const { findings } = lintObjects(inputs, this.props);
    let suppressed = 0;
    for (const f of findings) {
      if (f.suppressed) {
        suppressed++;
        // cdk8s prints these on the terminal: the texts from the input are terminalText
        context.logger.log(`cdk8s-netpol: ${f.ruleId} suppressed on ${terminalText(`${f.kind} ${f.namespace}/${f.name}`)}: ${terminalText(f.suppressionReason ?? '')}`);
        continue;
      }
      context.report.addViolation({
        ruleName: `${f.ruleId} [${f.severity}]`,
        // the message already names the object (`NetworkPolicy shop/web-in: ...`)
        recommendation: terminalText(f.message),
        fix: `${terminalText(f.fix)} (https://github.com/cdk8s-netpol/cdk8s-netpol/blob/main/RULES.md#${f.ruleId.toLowerCase()})`,
        // cdk8s counts occurrences by location: a finding about a whole object points at its name
        violatingResources: [{ resourceName: f.name, locations: [f.location ?? 'metadata.name'], manifestPath: f.file ?? '' }],
      });
    }
    const active = findings.length - suppressed;
    context.report.submit(failsBuild(findings, this.props.strict ?? false) ? 'failure' : 'success', {
      findings: String(active),
      suppressed: String(suppressed),
    });
  }
}
