import { IConstruct } from 'constructs';
import { LabelSelectorJson } from '../k8s';
import { checkOptions } from './_options';
import { checkAppName, EMPTY_SELECTOR, isEmptySelector, makeSelector, renderSelector, SelectorModel, selectorToString } from './_selector-model';
import { quote } from '../text';
import { resolveWorkload, selectWorkload, workloadScope } from './_workload';
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
    checkAppName(name, `PodSelector.app(${quote(name)})`);
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
    options = checkOptions(options, { labels: 'other', expressions: 'other' }, true, 'option', (m) => new Error(`PodSelector.matching(): ${m}`));
    return PodSelector.of(makeSelector(options.labels, options.expressions, 'PodSelector.matching()'));
  }

  /** Every pod of the namespace (`podSelector: {}`). */
  public static all(): PodSelector {
    return PodSelector.of(EMPTY_SELECTOR);
  }

  /**
   * The pods of a workload of one namespace: of any cdk8s-plus major, a plain cdk8s
   * `ApiObject`, or a construct holding one.
   *
   * Accepted: a workload construct of cdk8s-plus (cdk8s-plus-28 to cdk8s-plus-33 are tested:
   * `Deployment`, `StatefulSet`, `DaemonSet`, `Job`, `CronJob`, `Pod`) or a `Pods.select(...)`
   * of one namespace; a cdk8s `ApiObject` of a workload kind (`Deployment`, `StatefulSet`,
   * `DaemonSet`, `ReplicaSet`, `ReplicationController`, `Job`, `CronJob`, `Pod`); or any
   * construct holding one, as its `node.defaultChild` or as its only workload `ApiObject`.
   *
   * Selected by the labels the workload renders on its pods (without cdk8s-plus's hashed
   * `cdk8s.io/metadata.addr` label, used only when the pods carry no other label), read at synth
   * time. A policy with this selector and no `namespace` is placed in the workload's namespace;
   * another namespace is an error.
   *
   * Typed `IConstruct` so that a workload of any cdk8s-plus major, or of none, type-checks and
   * passes jsii's type checks from every language; anything else fails here, naming what was
   * passed and what is accepted.
   *
   * @example
   * const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api', portNumber: 9000 }] });
   * new AllowFrom(chart, 'api-from-web', { selector: PodSelector.workload(api), from: [Peer.app('web')], ports: [Port.tcp(9000)] });
   *
   * @param workload the workload, pod selection, or construct holding a workload
   */
  public static workload(workload: IConstruct): PodSelector {
    const where = 'PodSelector.workload()';
    const ref = resolveWorkload(workload, where);
    const scope = workloadScope(ref, where);
    if (scope.kind === 'selector' || scope.kind === 'all') {
      throw new Error(`Invalid ${where} argument ${ref.description}: it selects pods in ${scope.kind === 'all' ? 'every namespace' : 'namespaces chosen by labels'}, ` +
        'but a policy only selects pods of its own namespace. Select the pods of one namespace ' +
        "(Pods.select(scope, id, { labels, namespaces: Namespaces.select(scope, 'ns', { names: ['shop'] }) })), " +
        'or use Peer.workload() on the other side of a rule');
    }
    return new PodSelector(() => selectWorkload(ref, where).pods, scope.kind === 'name' ? scope.name : undefined);
  }

  /**
   * A selector computed when it is rendered.
   *
   * @internal
   */
  public static _lazy(produce: () => SelectorModel): PodSelector {
    return new PodSelector(produce);
  }

  private static of(model: SelectorModel): PodSelector {
    return new PodSelector(() => model);
  }

  /**
   * @param produce the selector; called when it is rendered (at synth time), so that a selector
   * may resolve its labels lazily (e.g. from a workload)
   * @param namespace the namespace of the pods, when the selector comes from a workload
   */
  private constructor(private readonly produce: () => SelectorModel, private readonly namespace?: string) {}

  /**
   * The namespace the selected pods live in, when the selector knows it (`workload()`).
   *
   * @internal
   */
  public _namespace(): string | undefined {
    return this.namespace;
  }

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
  public _render(): LabelSelectorJson {
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
