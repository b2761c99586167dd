import { ApiObject, Chart, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { dnsLabelError, dnsSubdomainError, formatPolicyError, NetworkPolicySpecJson, validateNetworkPolicy } from '../k8s';
import { constructError } from './_construct-error';
import { declaredProps, POLICY_PROPS } from './_props';
import { renderEgressRules, renderIngressRules, RuleModel } from './_rule-rendering';
import { kebabCase, quote } from '../text';
import { checkOptions, PropKinds } from '../vocabulary/_options';
import { appNameProblem } from '../vocabulary/_selector-model';
import { Peer } from '../vocabulary/peer';
import { PodSelector } from '../vocabulary/pod-selector';
import { Port } from '../vocabulary/port';

/**
 * Props every policy construct accepts.
 */
export interface PolicyProps {
  /**
   * The namespace of the policy. A policy applies to pods of its own namespace only.
   *
   * @default - the chart's namespace; none when the chart has none (then `kubectl apply -n` decides)
   */
  readonly namespace?: string;

  /**
   * The policy's `metadata.name`: an RFC 1123 subdomain, unique per namespace.
   *
   * @default - the construct id in kebab-case (`BackendFromFrontend` and `backend-from-frontend`
   * both give `backend-from-frontend`), with no hash suffix
   */
  readonly name?: string;

  /**
   * The policy applies to the pods labelled `app=<app>` (shorthand for
   * `selector: PodSelector.app(app)`). Give `app` or `selector`, not both.
   *
   * @default - every pod of the namespace (unless `selector` is given)
   */
  readonly app?: string;

  /**
   * The pods of the namespace the policy applies to. Give `app` or `selector`, not both.
   *
   * @default - every pod of the namespace (unless `app` is given)
   */
  readonly selector?: PodSelector;
}

const NETWORK_POLICY_API_VERSION = 'networking.k8s.io/v1';

const duplicateChecked = new WeakSet<IConstruct>();

/**
 * Checks that passed during the current synchronous job. cdk8s validates the WHOLE app once per
 * chart it synthesizes (`App._synthChart`), so `synthYaml()` on an app of N charts runs every
 * validation N+1 times: scanning the whole app for duplicate names each time made synthesis
 * quadratic in the number of charts. A successful check is remembered until the current job
 * ends (a microtask forgets them all), so one synthesis checks once and the next job checks
 * again. Failures are never remembered.
 */
let passedThisJob: WeakSet<object> | undefined;
/** Policy constructs created so far: a new one makes the duplicate-name check run again. */
let policiesCreated = 0;

function passedInThisJob(key: object): boolean {
  return passedThisJob !== undefined && passedThisJob.has(key);
}

function rememberPassed(key: object): void {
  if (passedThisJob === undefined) {
    passedThisJob = new WeakSet();
    queueMicrotask(() => { passedThisJob = undefined; });
  }
  passedThisJob.add(key);
}


/**
 * Adds, once per app, a synth-time check that no two NetworkPolicies (ours or anybody's) share
 * a name in one namespace, across all the charts of the app.
 */
function checkDuplicateNamesIn(root: IConstruct) {
  if (duplicateChecked.has(root)) return;
  duplicateChecked.add(root);
  let checkedAt = -1;
  root.node.addValidation({
    validate: () => {
      if (checkedAt === policiesCreated && passedInThisJob(root)) return [];
      const errors: string[] = [];
      const first = new Map<string, string>();
      for (const c of root.node.findAll()) {
        if (!(c instanceof ApiObject) || c.kind !== 'NetworkPolicy' || !c.apiVersion.startsWith('networking.k8s.io/')) continue;
        const ns = c.metadata.namespace;
        const key = `${ns ?? ''}\u0000${c.name}`;
        const path = c.node.path;
        const earlier = first.get(key);
        if (earlier === undefined) {
          first.set(key, path);
          continue;
        }
        const where = ns === undefined ? 'with no namespace' : `in namespace "${ns}"`;
        errors.push(`Duplicate NetworkPolicy name "${c.name}" ${where}: declared at "${earlier}" and at "${path}". ` +
          'Names must be unique per namespace: give one of them another `name`.');
      }
      if (errors.length === 0) {
        checkedAt = policiesCreated;
        rememberPassed(root);
      }
      return errors;
    },
  });
}

/**
 * The base of every policy construct. Each one IS its `networking.k8s.io/v1` `NetworkPolicy`
 * ApiObject (so `metadata`, `addJsonPatch()` and friends work as on any ApiObject), whose spec
 * is rendered lazily at synth time: rules, peers and ports added after construction land in the
 * manifest. One construct per policy, so cdk8s's own passes over the app cost no more than for
 * hand-written L1 objects; and the spec is rendered straight into manifest JSON, so there is no
 * typed-props conversion pass either.
 *
 * The rendered policy always states its `policyTypes` and every port's protocol, never carries
 * empty lists, de-duplicates peers and ports, and keeps a stable order. It is checked with the
 * API server's rules as it is rendered, so nothing invalid is ever synthesized.
 */
export abstract class NetworkPolicyBase extends ApiObject {
  /**
   * The policy's namespace.
   *
   * @default - none: the chart has no namespace and none was given
   */
  public readonly namespace?: string;

  /** The pods of the namespace the policy applies to. */
  public readonly podSelector: PodSelector;

  protected constructor(scope: Construct, id: string, props: PolicyProps = {}) {
    const declared = declaredProps(new.target);
    const basics = policyBasics(scope, id, props ?? {}, new.target.name, declared);
    // the spec is produced at synth time by the construct itself, which exists once super() returns
    const self: { policy?: NetworkPolicyBase } = {};
    super(scope, id, {
      apiVersion: NETWORK_POLICY_API_VERSION,
      kind: 'NetworkPolicy',
      metadata: { name: basics.name, ...(basics.metadataNamespace !== undefined ? { namespace: basics.metadataNamespace } : {}) },
      spec: Lazy.any({ produce: () => self.policy!._renderSpec() }),
    });
    self.policy = this;
    this.namespace = basics.namespace;
    this.podSelector = basics.podSelector;

    policiesCreated++;
    checkDuplicateNamesIn(this.node.root);
  }

  /**
   * The NetworkPolicy API object this construct synthesizes: the construct itself.
   */
  public get apiObject(): ApiObject {
    return this;
  }

  /**
   * Renders the manifest and checks it once more with the API server's rules (the validator
   * the CLI uses), on the very object that is synthesized: the input was checked where it
   * entered, and this safety net also covers escape hatches such as JSON patches.
   */
  public toJson(): any {
    const manifest = super.toJson();
    const errors = validateNetworkPolicy(manifest);
    if (errors.length > 0) {
      throw this._error(`the NetworkPolicy "${this.name}" would be rejected by the API server: ${errors.map(formatPolicyError).join('; ')}`);
    }
    return manifest;
  }

  /**
   * The spec in Kubernetes shape, as it will be synthesized.
   *
   * @internal
   */
  public _renderSpec(): NetworkPolicySpecJson {
    const ingress = this._ingressRules();
    const egress = this._egressRules();
    const policyTypes: string[] = [];
    if (ingress !== undefined) policyTypes.push('Ingress');
    if (egress !== undefined) policyTypes.push('Egress');
    const renderedIngress = ingress !== undefined ? renderIngressRules(ingress) : [];
    const renderedEgress = egress !== undefined ? renderEgressRules(egress) : [];
    const spec: NetworkPolicySpecJson = { podSelector: this.podSelector._render(), policyTypes };
    if (renderedIngress.length > 0) spec.ingress = renderedIngress;
    if (renderedEgress.length > 0) spec.egress = renderedEgress;
    return spec;
  }

  /**
   * The ingress rules; undefined when the policy does not control ingress (no `Ingress` in
   * `policyTypes`), an empty list when it isolates without admitting anything.
   *
   * @internal
   */
  public _ingressRules(): RuleModel[] | undefined {
    return undefined;
  }

  /**
   * The egress rules; undefined when the policy does not control egress.
   *
   * @internal
   */
  public _egressRules(): RuleModel[] | undefined {
    return undefined;
  }

  /**
   * An error naming this construct, its kind, and what is wrong.
   *
   * @internal
   */
  protected _error(message: string): Error {
    return constructError(this.node.path, this.constructor.name, message);
  }

  /**
   * Checks a list of peers given to this construct.
   *
   * @internal
   */
  protected _checkPeers(peers: Peer[] | undefined, field: string, allowEmpty: boolean = false): Peer[] {
    if (peers === undefined) return [];
    if (!Array.isArray(peers)) throw this._error(`invalid ${field} ${quote(peers)}: must be a list of Peer, e.g. [Peer.app('web')]`);
    if (peers.length === 0 && !allowEmpty) {
      throw this._error(`invalid ${field} []: an empty list would mean every peer; omit \`${field}\` or say [Peer.anywhere()]`);
    }
    peers.forEach((p, i) => {
      if (p instanceof Peer) {
        const clusterOnly = p._clusterOnly();
        if (clusterOnly) throw this._error(`invalid ${field}[${i}] "${p}": ${clusterOnly}`);
        return;
      }
      let hint = '';
      if (typeof p === 'string') {
        hint = (p as string).includes('/') ? `; for an address block use Peer.ipv4(${quote(p)}) or Peer.ipv6(${quote(p)})` : `; for pods use Peer.app(${quote(p)})`;
      }
      throw this._error(`invalid ${field}[${i}] ${quote(p)}: must be a Peer${hint}`);
    });
    return [...peers];
  }

  /**
   * Checks a list of ports given to this construct.
   *
   * @internal
   */
  protected _checkPorts(ports: Port[] | undefined, field: string, allowEmpty: boolean = false): Port[] {
    if (ports === undefined) return [];
    if (!Array.isArray(ports)) throw this._error(`invalid ${field} ${quote(ports)}: must be a list of Port, e.g. [Port.tcp(8080)]`);
    if (ports.length === 0 && !allowEmpty) {
      throw this._error(`invalid ${field} []: an empty list would mean every port; omit \`${field}\` to allow every port`);
    }
    ports.forEach((p, i) => {
      if (p instanceof Port) return;
      const hint = typeof p === 'number' ? `; did you mean Port.tcp(${p})?` : typeof p === 'string' ? `; for a named port use Port.named(${quote(p)})` : '';
      throw this._error(`invalid ${field}[${i}] ${quote(p)}: must be a Port${hint}`);
    });
    return [...ports];
  }

}

function suggestName(name: string): string {
  if (typeof name !== 'string') return '';
  const k = kebabCase(name);
  return k && !dnsSubdomainError(k) ? `. Did you mean "${k}"?` : '';
}

function suggestNamespace(namespace: string): string {
  if (typeof namespace !== 'string') return '';
  const k = kebabCase(namespace).replace(/\./g, '-');
  return k && !dnsLabelError(k) ? `. Did you mean "${k}"?` : '';
}

interface PolicyBasics {
  readonly name: string;
  /** the namespace written on the manifest (an explicit or derived one; the chart's is added by cdk8s) */
  readonly metadataNamespace?: string;
  /** the namespace the policy lives in, explicit or the chart's */
  readonly namespace?: string;
  readonly podSelector: PodSelector;
}

/**
 * Checks the common props and derives name, namespace and selector, before the construct exists
 * (it is its own ApiObject, which needs them). Errors name the construct path and kind.
 */
function policyBasics(scope: Construct, id: string, given: PolicyProps, kind: string, declared: PropKinds | undefined): PolicyBasics {
  const error = (message: string) => {
    const scopePath = scope.node.path; // computed only for the message: building it walks the tree
    return constructError(scopePath ? `${scopePath}/${id}` : id, kind, message);
  };
  // a subclass of the user's own may take props of its own: only the declared ones are exact
  const props = checkOptions(given, declared ?? POLICY_PROPS, declared !== undefined, 'prop', error);

  if (props.app !== undefined && props.selector !== undefined) {
    throw error(`both app ${quote(props.app)} and selector "${props.selector}" were given: give one of them (app: 'x' is selector: PodSelector.app('x'))`);
  }
  if (props.selector !== undefined && !(props.selector instanceof PodSelector)) {
    throw error(`invalid selector ${quote(props.selector)}: must be a PodSelector, e.g. PodSelector.app('web') or PodSelector.labels({ tier: 'api' })`);
  }
  if (props.app !== undefined) {
    const err = appNameProblem(props.app);
    if (err) throw error(`invalid app ${quote(props.app)}: it is the value of the "app" label, and ${err}`);
  }
  const podSelector = props.selector ?? (props.app !== undefined ? PodSelector.app(props.app) : PodSelector.all());

  let name: string;
  if (props.name !== undefined) {
    const err = dnsSubdomainError(props.name);
    if (err) throw error(`invalid name ${quote(props.name)}: ${err}${suggestName(props.name)}`);
    name = props.name;
  } else {
    const derived = kebabCase(id);
    const err = dnsSubdomainError(derived);
    if (err) throw error(`cannot derive a policy name from the construct id ${quote(id)} (got ${quote(derived)}: ${err}): give a \`name\``);
    name = derived;
  }

  if (props.namespace !== undefined) {
    const err = dnsLabelError(props.namespace);
    if (err) throw error(`invalid namespace ${quote(props.namespace)}: ${err}${suggestNamespace(props.namespace)}`);
  }
  // a selector taken from a workload knows its namespace: the policy goes there
  const selectorNamespace = podSelector._namespace();
  if (selectorNamespace !== undefined && props.namespace !== undefined && props.namespace !== selectorNamespace) {
    throw error(`the selector "${podSelector}" picks pods of namespace ${quote(selectorNamespace)}, but the policy is in namespace ${quote(props.namespace)}: ` +
      `a policy only selects pods of its own namespace; remove \`namespace\` or give namespace: ${quote(selectorNamespace)}`);
  }
  const metadataNamespace = props.namespace ?? selectorNamespace;
  const chartNamespace = Chart.of(scope).namespace;
  if (metadataNamespace === undefined && chartNamespace !== undefined) {
    const err = dnsLabelError(chartNamespace);
    if (err) throw error(`invalid namespace ${quote(chartNamespace)} (from the chart): ${err}${suggestNamespace(chartNamespace)}`);
  }
  return { name, metadataNamespace, namespace: metadataNamespace ?? chartNamespace, podSelector };
}
