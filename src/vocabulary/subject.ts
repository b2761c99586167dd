import { dnsLabelError, NAMESPACE_NAME_LABEL } from '../k8s';
import { ClusterPeerJson } from './_cluster-json';
import { checkOptions } from './_options';
import { isEmptySelector, makeSelector, renderSelector, SelectorModel, selectorToString } from './_selector-model';
import { LabelExpression } from './label-expression';
import { quote } from '../text';

/**
 * Options for `Subject.pods()`: the pods, and the namespaces they are looked up in (exactly one of
 * `namespace`, `namespaceLabels` / `namespaceExpressions`, `allNamespaces`).
 */
export interface SubjectPodsOptions {
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

  /**
   * The pods of this one namespace (by its `kubernetes.io/metadata.name` label).
   *
   * @default - give `namespace`, `namespaceLabels` / `namespaceExpressions` or `allNamespaces`
   */
  readonly namespace?: string;

  /**
   * The pods of every namespace carrying these labels.
   *
   * @default - give `namespace`, `namespaceLabels` / `namespaceExpressions` or `allNamespaces`
   */
  readonly namespaceLabels?: { [key: string]: string };

  /**
   * The pods of every namespace satisfying these expressions (AND with `namespaceLabels`).
   *
   * @default - give `namespace`, `namespaceLabels` / `namespaceExpressions` or `allNamespaces`
   */
  readonly namespaceExpressions?: LabelExpression[];

  /**
   * The pods of every namespace.
   *
   * @default false
   */
  readonly allNamespaces?: boolean;
}

const PODS_OPTIONS = {
  labels: 'other', expressions: 'other', namespace: 'string', namespaceLabels: 'other', namespaceExpressions: 'other', allNamespaces: 'boolean',
} as const;

/** The namespaces selector of a subject; `pods` undefined for every pod of them. */
interface SubjectModel {
  readonly namespaces: SelectorModel;
  readonly pods?: SelectorModel;
  readonly text: string;
}

function nameSelector(name: string, where: string): SelectorModel {
  const err = dnsLabelError(name);
  if (err) {
    const lower = typeof name === 'string' ? name.toLowerCase() : undefined;
    const hint = lower && lower !== name && !dnsLabelError(lower) ? `. Did you mean "${lower}"?` : '';
    throw new Error(`Invalid namespace ${quote(name)} in ${where}: ${err}${hint}`);
  }
  return { labels: { [NAMESPACE_NAME_LABEL]: name }, expressions: [] };
}

function namespacesText(s: SelectorModel): string {
  const labels = Object.entries(s.labels);
  if (labels.length === 1 && s.expressions.length === 0 && labels[0][0] === NAMESPACE_NAME_LABEL) return `namespace ${labels[0][1]}`;
  return isEmptySelector(s) ? 'all namespaces' : `namespaces ${selectorToString(s)}`;
}

/**
 * Whom a `ClusterNetworkPolicy` applies to (`spec.subject`): the pods of some namespaces, or some
 * pods of some namespaces. A ClusterNetworkPolicy is cluster-scoped, so the subject always says
 * which namespaces. hostNetwork pods are never subjects.
 *
 * @example
 * Subject.allNamespaces();
 * Subject.namespace('shop');
 * Subject.namespaces({ tenant: 'acme' });
 * Subject.pods({ labels: { app: 'web' }, namespace: 'shop' });
 */
export class Subject {
  /** Every pod of one namespace (by its `kubernetes.io/metadata.name` label). */
  public static namespace(name: string): Subject {
    const where = `Subject.namespace(${quote(name)})`;
    const namespaces = nameSelector(name, where);
    return new Subject({ namespaces, text: namespacesText(namespaces) });
  }

  /**
   * Every pod of the namespaces carrying these labels (all of them: AND) and satisfying these
   * expressions. At least one label or expression: for every namespace say `Subject.allNamespaces()`.
   *
   * @param labels the namespace labels
   * @param expressions label expressions the namespaces must satisfy too
   * @default expressions - none
   */
  public static namespaces(labels: { [key: string]: string }, expressions?: LabelExpression[]): Subject {
    const where = 'Subject.namespaces()';
    const namespaces = makeSelector(labels, expressions, where);
    if (isEmptySelector(namespaces)) {
      throw new Error(`Invalid ${where}: no label and no expression would select every namespace; say Subject.allNamespaces() if that is meant`);
    }
    return new Subject({ namespaces, text: namespacesText(namespaces) });
  }

  /** Every pod of every namespace (`namespaces: {}`). */
  public static allNamespaces(): Subject {
    return new Subject({ namespaces: { labels: {}, expressions: [] }, text: 'all namespaces' });
  }

  /**
   * The pods matching labels and expressions in one namespace, in the namespaces matching
   * labels, or in every namespace: exactly one of `namespace`, `namespaceLabels` /
   * `namespaceExpressions`, `allNamespaces` (a cluster-scoped policy has no namespace of its own
   * to default to).
   */
  public static pods(options: SubjectPodsOptions): Subject {
    const where = 'Subject.pods()';
    options = checkOptions(options, PODS_OPTIONS, true, 'option', (m) => new Error(`${where}: ${m}`));
    const pods = makeSelector(options.labels, options.expressions, where);
    const byName = options.namespace !== undefined;
    const byLabels = options.namespaceLabels !== undefined || options.namespaceExpressions !== undefined;
    const all = options.allNamespaces === true;
    const count = [byName, byLabels, all].filter((x) => x).length;
    if (count !== 1) {
      const given = [
        byName ? 'namespace' : undefined,
        options.namespaceLabels !== undefined ? 'namespaceLabels' : undefined,
        options.namespaceExpressions !== undefined ? 'namespaceExpressions' : undefined,
        all ? 'allNamespaces' : undefined,
      ].filter((x) => x).join(', ');
      throw new Error(count === 0
        ? `Invalid ${where}: say which namespaces: give namespace ('shop'), namespaceLabels ({ team: 'a' }) or allNamespaces: true ` +
          '(a ClusterNetworkPolicy is cluster-scoped: it has no namespace of its own)'
        : `Invalid ${where}: ${given} are mutually exclusive; give one namespace, namespace labels/expressions, or allNamespaces`);
    }
    let namespaces: SelectorModel = { labels: {}, expressions: [] };
    if (byName) namespaces = nameSelector(options.namespace!, `${where} namespace`);
    if (byLabels) namespaces = makeSelector(options.namespaceLabels, options.namespaceExpressions, `${where} namespace`);
    const podsText = isEmptySelector(pods) ? 'all pods' : selectorToString(pods);
    const text = `${podsText} in ${namespacesText(namespaces)}`;
    return new Subject(isEmptySelector(pods) ? { namespaces, text } : { namespaces, pods, text });
  }

  private constructor(private readonly model: SubjectModel) {}

  /**
   * The subject in Kubernetes shape: `namespaces`, or `pods` with both selectors written.
   *
   * @internal
   */
  public _render(): ClusterPeerJson {
    const namespaceSelector = renderSelector(this.model.namespaces);
    if (this.model.pods === undefined) return { namespaces: namespaceSelector };
    return { pods: { namespaceSelector, podSelector: renderSelector(this.model.pods) } };
  }

  /**
   * A readable form: `all namespaces`, `namespace shop`, `namespaces tenant=acme`,
   * `app=web in namespace shop`.
   */
  public toString(): string {
    return this.model.text;
  }
}
