import { k8s } from 'cdk8s-plus-28';
import { labelValueError } from './internal/names';
import { EMPTY_SELECTOR, isEmptySelector, makeSelector, quote, renderSelector, SelectorModel, selectorToString } from './internal/selector';
import { LabelExpression } from './label-expression';

/**
 * Options for `PodSelector.matching()`: labels and expressions, all of which must hold.
 */
export interface PodSelectorOptions {
  /**
   * Labels the pods must carry (all of them: AND).
   *
   * @default - no label constraint
   */
  readonly labels?: { [key: string]: string };

  /**
   * Label expressions the pods must satisfy (all of them, and `labels` too: AND).
   *
   * @default - no expression
   */
  readonly expressions?: LabelExpression[];
}

/**
 * Which pods of its namespace a policy applies to (`spec.podSelector`).
 *
 * A policy only ever selects pods of its own namespace.
 */
export class PodSelector {
  /** The pods labelled `app=<name>`. */
  public static app(name: string): PodSelector {
    const where = `PodSelector.app(${quote(name)})`;
    if (name === '' || name === undefined || name === null) {
      throw new Error(`Invalid app name ${quote(name)} in ${where}: must not be empty (it is the value of the "app" label)`);
    }
    const err = labelValueError(name);
    if (err) throw new Error(`Invalid app name ${quote(name)} in ${where}: it is the value of the "app" label, and ${err}`);
    return PodSelector.of({ labels: { app: name }, expressions: [] });
  }

  /** The pods carrying all of these labels. */
  public static labels(labels: { [key: string]: string }): PodSelector {
    return PodSelector.of(makeSelector(labels, undefined, 'PodSelector.labels()'));
  }

  /** The pods satisfying all of these label expressions. */
  public static expressions(...expressions: LabelExpression[]): PodSelector {
    return PodSelector.of(makeSelector(undefined, expressions, 'PodSelector.expressions()'));
  }

  /** The pods matching labels AND expressions. */
  public static matching(options: PodSelectorOptions): PodSelector {
    return PodSelector.of(makeSelector(options.labels, options.expressions, 'PodSelector.matching()'));
  }

  /** Every pod of the namespace (`podSelector: {}`). */
  public static all(): PodSelector {
    return PodSelector.of(EMPTY_SELECTOR);
  }

  private static of(model: SelectorModel): PodSelector {
    return new PodSelector(() => model);
  }

  /**
   * @param produce the selector; called when it is rendered (at synth time), so that a selector
   * may resolve its labels lazily (e.g. from a workload)
   */
  private constructor(private readonly produce: () => SelectorModel) {}

  /**
   * The selector as data.
   *
   * @internal
   */
  public _model(): SelectorModel {
    return this.produce();
  }

  /**
   * The selector in Kubernetes shape (`{}` for every pod).
   *
   * @internal
   */
  public _render(): k8s.LabelSelector {
    return renderSelector(this.produce());
  }

  /**
   * A readable form: `app=web`, `tier in (api,web)`, or `all pods`.
   */
  public toString(): string {
    const model = this.produce();
    return isEmptySelector(model) ? 'all pods' : selectorToString(model);
  }
}
