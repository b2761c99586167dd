import * as fs from 'fs';
import { LintInput, toLintObject } from './context';
import { failsBuild } from './exit-policy';
import { objectRef } from './finding-order';
import { LinterOptions } from './network-policy-linter';
import { lintObjects } from './runner';
import { parseManifests } from '../manifests';
import { quote, terminalText } from '../text';

/**
 * A resource in a violation of a cdk8s validation report (cdk8s-cli `ValidationViolatingResource`).
 */
export interface ValidationPluginResource {
  /**
   * `metadata.name` when no other synthesized object has that name: cdk8s-cli maps it to the
   * construct path. Otherwise `namespace/name (Kind)`, which no object is named, so that cdk8s-cli
   * shows no construct path rather than another object's (it keeps one path per name).
   */
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
    // cdk8s writes construct-metadata.json keyed by `metadata.name` alone (the last object of a
    // name wins), and cdk8s-cli finds a violation's construct path by its `resourceName` there:
    // a name is passed only when one synthesized object bears it, and that object is not a List
    // item (cdk8s records the List, not its items).
    const names = new Map<string, number>();
    const listItems = new Set<string>();
    for (const file of context.manifests) {
      for (const doc of parseManifests(fs.readFileSync(file, 'utf8'), file)) {
        inputs.push({ object: doc.object, file, line: doc.line });
        const o = toLintObject({ object: doc.object });
        names.set(o.name, (names.get(o.name) ?? 0) + 1);
        if (doc.item !== undefined) listItems.add(objectKey(o));
      }
    }
    const { findings } = lintObjects(inputs, this.props);
    let suppressed = 0;
    for (const f of findings) {
      if (f.suppressed) {
        suppressed++;
        // cdk8s prints these on the terminal: the texts from the input are terminalText
        context.logger.log(`cdk8s-netpol: ${f.ruleId} suppressed on ${terminalText(objectRef(f))}: ${terminalText(f.suppressionReason ?? '')}`);
        continue;
      }
      const sharing = names.get(f.name) ?? 0;
      const mapped = sharing === 1 && !listItems.has(objectKey(f)) && terminalText(f.name) === f.name;
      const object = terminalText(objectRef(f));
      // the message already names the object (`NetworkPolicy shop/web-in: ...`)
      let recommendation = terminalText(f.message);
      if (f.constructPath !== undefined) {
        recommendation += ` (construct path: ${terminalText(f.constructPath)})`;
      } else if (!mapped) {
        recommendation += sharing > 1
          ? ` (construct path not known: ${sharing} synthesized objects are named ${quote(f.name)} and cdk8s maps construct paths by name alone; this is ${object})`
          : ` (construct path not known for ${object})`;
      }
      context.report.addViolation({
        ruleName: `${f.ruleId} [${f.severity}]`,
        recommendation,
        fix: `${terminalText(f.fix)} (https://github.com/cdk8s-netpol/cdk8s-netpol/blob/main/RULES.md#${f.ruleId.toLowerCase()})`,
        // cdk8s counts occurrences by location: a finding about a whole object points at its name
        violatingResources: [{
          // no object is named with a space: cdk8s-cli finds no construct path (N/A), never a wrong one
          resourceName: mapped ? f.name : terminalText(`${f.namespace ? `${f.namespace}/` : ''}${f.name} (${f.kind})`),
          locations: [f.location ?? 'metadata.name'],
          manifestPath: f.file ?? '',
        }],
      });
    }
    const active = findings.length - suppressed;
    context.report.submit(failsBuild(findings, this.props.strict ?? false) ? 'failure' : 'success', {
      findings: String(active),
      suppressed: String(suppressed),
    });
  }
}

function objectKey(o: { readonly kind: string; readonly namespace: string; readonly name: string }): string {
  return `${o.kind}\u0000${o.namespace}\u0000${o.name}`;
}
