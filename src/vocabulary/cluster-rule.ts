import { formatPolicyError, NAMESPACE_NAME_LABEL } from '../k8s';
import { ClusterDirection, ClusterPeerJson, ClusterProtocolJson, ClusterRuleJson, clusterSpecErrors } from './_cluster-json';
import { checkOptions } from './_options';
import { isEmptySelector, renderSelector, SelectorModel } from './_selector-model';
import { Peer } from './peer';
import { Port } from './port';
import { Protocol } from './protocol';
import { quote } from '../text';

/**
 * What a `ClusterRule` does with the traffic it matches (the first matching rule of a tier
 * decides, SEMANTICS.md section 8.1).
 */
export enum ClusterRuleAction {
  /** Allowed: no later tier is consulted (no NetworkPolicy can deny it at the Admin tier). */
  ACCEPT = 'Accept',
  /** Dropped: no later tier is consulted (no NetworkPolicy can re-open it at the Admin tier). */
  DENY = 'Deny',
  /** Skips the rest of the tier: the namespaces' NetworkPolicies decide (from the Baseline tier: the default, allowed). */
  PASS = 'Pass',
}

/**
 * Options of `ClusterRule.accept()`, `ClusterRule.deny()` and `ClusterRule.pass()`.
 */
export interface ClusterRuleOptions {
  /**
   * The rule's name, shown by tools that explain a verdict (at most 100 characters).
   *
   * @default - no name
   */
  readonly name?: string;

  /**
   * The other end of the connection: the sources of an ingress rule, the destinations of an
   * egress rule. At least one. Pods with their namespace (`Peer.app('web', 'shop')`,
   * `Peer.namespace('shop')`, `Peer.namespaces({...})`, `Peer.pods({...})`, `Peer.allPods()`,
   * `Peer.workload(...)` of a workload with a namespace); for egress also addresses
   * (`Peer.ipv4()`, `Peer.ipv6()`, `Peer.anyIpv4()`, `Peer.anywhere()`: every address, pods
   * included), `Peer.nodes()` and, in Accept rules, `Peer.domain()`.
   */
  readonly peers: Peer[];

  /**
   * The destination ports (`Port.tcp(443)`, `Port.udpRange(5000, 5100)`, `Port.allTcp()`,
   * `Port.named('metrics')`).
   *
   * @default - every port of every protocol
   */
  readonly ports?: Port[];
}

/** Every address: what `Peer.anywhere()` means as ClusterNetworkPolicy `networks` (pod IPs included). */
const EVERY_NETWORK = ['0.0.0.0/0', '::/0'];
/** Entries of one `networks` or `domainNames` peer (the CRD's limit; more go to another peer). */
const PER_PEER = 25;

function objectLiteral(labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: '${v}'`);
  return `{ ${entries.join(', ')} }`;
}

function selectorJson(s: SelectorModel): any {
  return renderSelector(s);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * One rule of a `ClusterNetworkPolicy`: an action, the peers it matches and the ports. Add it
 * with `ingress` / `egress` (or `addIngress()` / `addEgress()`); the first matching rule of a
 * tier decides, so the order of the list matters.
 *
 * Every value is checked when the rule is created; what depends on the direction (ingress peers
 * are pods only) when it is added to a policy.
 *
 * @example
 * ClusterRule.deny({ name: 'metadata', peers: [Peer.ipv4('169.254.169.254/32')] });
 * ClusterRule.accept({ peers: [Peer.domain('*.stripe.com')], ports: [Port.HTTPS] });
 * ClusterRule.pass({ peers: [Peer.namespaces({ tenant: 'acme' })] });
 */
export class ClusterRule {
  /** A rule that allows what it matches; no later tier is consulted. */
  public static accept(options: ClusterRuleOptions): ClusterRule {
    return new ClusterRule(ClusterRuleAction.ACCEPT, options, 'ClusterRule.accept()');
  }

  /** A rule that drops what it matches; no later tier is consulted. */
  public static deny(options: ClusterRuleOptions): ClusterRule {
    return new ClusterRule(ClusterRuleAction.DENY, options, 'ClusterRule.deny()');
  }

  /**
   * A rule that hands what it matches to the next tier: from the Admin tier to the namespaces'
   * NetworkPolicies (then the Baseline tier), from the Baseline tier to the default (allowed).
   */
  public static pass(options: ClusterRuleOptions): ClusterRule {
    return new ClusterRule(ClusterRuleAction.PASS, options, 'ClusterRule.pass()');
  }

  /** What the rule does with the traffic it matches. */
  public readonly action: ClusterRuleAction;

  /**
   * The rule's name.
   *
   * @default - no name
   */
  public readonly name?: string;

  private readonly rulePeers: Peer[];
  private readonly rulePorts: Port[];

  private constructor(action: ClusterRuleAction, options: ClusterRuleOptions, where: string) {
    options = checkOptions(options, { name: 'string', peers: 'other', ports: 'other' }, true, 'option', (m) => new Error(`${where}: ${m}`));
    this.action = action;
    this.name = options.name;
    this.rulePeers = checkPeers(options.peers, where, action);
    this.rulePorts = checkPorts(options.ports, where);
    // everything else the CRD says of a rule (its name, the number of peers and ports, the
    // named-port rule): asked of the one validator, the rule written as an egress rule (every
    // rule valid in some direction is valid there)
    const errors = clusterSpecErrors({ egress: [this._render('egress', true)] });
    if (errors.length > 0) {
      const text = errors.map((e) => formatPolicyError({ ...e, field: e.field.replace(/^spec\.egress\[0\]\.?/, '') || 'rule' }).replace(/^to/, 'peers')).join('; ');
      throw new Error(`Invalid ${where}: the API server would reject the rule: ${text}${hintFor(text)}`);
    }
  }

  /** The peers, as given. */
  public get peers(): Peer[] {
    return [...this.rulePeers];
  }

  /** The ports, as given (empty: every port of every protocol). */
  public get ports(): Port[] {
    return [...this.rulePorts];
  }

  /**
   * A readable form: `Deny 169.254.169.254/32`, `Accept domain api.stripe.com on TCP 443`,
   * `Pass "same-tenant" namespaces tenant=acme`.
   */
  public toString(): string {
    const name = this.name !== undefined ? ` ${JSON.stringify(this.name)}` : '';
    const ports = this.rulePorts.length > 0 ? ` on ${this.rulePorts.map(String).join(', ')}` : '';
    return `${this.action}${name} ${this.rulePeers.map(String).join(', ')}${ports}`;
  }

  /**
   * Why the rule cannot be written in this direction, saying what to write; undefined when it can.
   *
   * @internal
   */
  public _directionProblem(direction: ClusterDirection): string | undefined {
    if (direction === 'egress') return undefined;
    for (const [i, peer] of this.rulePeers.entries()) {
      const scope = peer._scope();
      if (scope !== undefined) continue; // pods
      const model = peer._model();
      const hint = model.kind === 'anywhere'
        ? 'For every pod of the cluster write Peer.allPods(); traffic from outside the cluster cannot be matched by a ClusterNetworkPolicy ingress rule'
        : 'Match that traffic on the egress side of its sender instead, or name pods (Peer.namespace(), Peer.pods(), Peer.allPods())';
      return `peers[${i}] "${peer}": ClusterNetworkPolicy ingress rules match pods only (namespaces and pods peers), not addresses, nodes or domains. ${hint}`;
    }
    return undefined;
  }

  /**
   * The rule in Kubernetes shape. `check`: for a call-site check, without reading workloads'
   * labels (they may still change).
   *
   * @internal
   */
  public _render(direction: ClusterDirection, check: boolean = false): ClusterRuleJson {
    const rule: ClusterRuleJson = { action: this.action };
    if (this.name !== undefined) rule.name = this.name;
    const peers = renderPeers(this.rulePeers, check);
    if (direction === 'ingress') rule.from = peers;
    else rule.to = peers;
    const protocols = renderProtocols(this.rulePorts);
    if (protocols.length > 0) rule.protocols = protocols;
    return rule;
  }
}

function hintFor(text: string): string {
  if (/^peers: .*must have at most/.test(text)) return '. Split the rule into several rules with the same action';
  if (/^protocols: .*must have at most/.test(text)) return '. Split the rule into several rules with the same action and peers';
  if (/^name: /.test(text)) return '. Shorten the name';
  if (/namedPorts/.test(text)) return '. A named port exists on pods only: put the named ports in a rule toward pods, the numbers in a rule toward addresses';
  return '';
}

function checkPeers(peers: Peer[], where: string, action: ClusterRuleAction): Peer[] {
  if (!Array.isArray(peers)) throw new Error(`Invalid ${where} peers ${quote(peers)}: must be a list of Peer, e.g. [Peer.namespace('shop')]`);
  if (peers.length === 0) {
    throw new Error(`Invalid ${where} peers []: a rule needs at least one peer; Peer.allPods() for every pod, Peer.anywhere() for every address (egress)`);
  }
  peers.forEach((p, i) => {
    const at = `${where} peers[${i}]`;
    if (!(p instanceof Peer)) {
      const hint = typeof p === 'string' ? ((p as string).includes('/') ? `; for an address block use Peer.ipv4(${quote(p)})` : `; for a domain use Peer.domain(${quote(p)})`) : '';
      throw new Error(`Invalid ${at} ${quote(p)}: must be a Peer${hint}`);
    }
    const scope = p._scope();
    if (scope !== undefined) {
      if (scope.kind !== 'policy') return;
      if (p._workload() !== undefined) {
        throw new Error(`Invalid ${at} "${p}": the workload has no namespace (neither its own nor its chart's), and a ClusterNetworkPolicy is cluster-scoped: ` +
          'it has no namespace to default to. Give the workload or its chart a namespace');
      }
      const model = p._model();
      const pods = model.kind === 'pods' ? model.pods : undefined;
      const labels = pods !== undefined && pods.expressions.length === 0 && !isEmptySelector(pods) ? objectLiteral(pods.labels) : '{ ... }';
      const app = pods !== undefined && pods.expressions.length === 0 && Object.keys(pods.labels).length === 1 ? pods.labels.app : undefined;
      const oneNamespace = app !== undefined ? `Peer.app('${app}', 'shop')` : `Peer.pods({ labels: ${labels}, namespace: 'shop' })`;
      throw new Error(`Invalid ${at} "${p}": it has no namespace, and a ClusterNetworkPolicy is cluster-scoped: it has no namespace to default to. ` +
        `Write ${oneNamespace} for the pods of one namespace, or Peer.pods({ labels: ${labels}, allNamespaces: true }) for every namespace`);
    }
    const model = p._model();
    if (model.kind === 'ipBlock' && model.except.length > 0) {
      const factory = model.cidr.family === 4 ? 'Peer.ipv4' : 'Peer.ipv6';
      const excepts = model.except.map((c) => `${factory}('${c.text}')`).join(', ');
      const whole = `${factory}('${model.cidr.text}')`;
      const fix = action === ClusterRuleAction.ACCEPT
        ? `put ClusterRule.deny({ peers: [${excepts}] }) before ClusterRule.accept({ peers: [${whole}] })`
        : action === ClusterRuleAction.DENY
          ? `put ClusterRule.pass({ peers: [${excepts}] }) (handing them to the namespaces' NetworkPolicies) or ClusterRule.accept(...) before ClusterRule.deny({ peers: [${whole}] })`
          : `put a rule for ${excepts} before ClusterRule.pass({ peers: [${whole}] })`;
      throw new Error(`Invalid ${at} "${p}": a ClusterNetworkPolicy has no except (its networks are whole CIDRs). ` +
        `The first matching rule wins, so ${fix}, in the same direction`);
    }
    if (model.kind === 'domain' && action !== ClusterRuleAction.ACCEPT) {
      throw new Error(`Invalid ${at} "${p}": domain names are only supported in Accept rules (a ${action} cannot be enforced by name: ` +
        'no plugin knows every address of a domain). Accept the names, then deny the rest: ' +
        `ClusterRule.accept({ peers: [Peer.domain('${model.name}')] }) followed by ClusterRule.deny({ peers: [Peer.anywhere()] })`);
    }
  });
  return [...peers];
}

function checkPorts(ports: Port[] | undefined, where: string): Port[] {
  if (ports === undefined) return [];
  if (!Array.isArray(ports)) throw new Error(`Invalid ${where} ports ${quote(ports)}: must be a list of Port, e.g. [Port.tcp(443)]`);
  if (ports.length === 0) throw new Error(`Invalid ${where} ports []: an empty list would mean every port; omit \`ports\` for every port`);
  ports.forEach((p, i) => {
    const at = `${where} ports[${i}]`;
    if (!(p instanceof Port)) {
      const hint = typeof p === 'number' ? `; did you mean Port.tcp(${p})?` : typeof p === 'string' ? `; for a named port use Port.named(${quote(p)})` : '';
      throw new Error(`Invalid ${at} ${quote(p)}: must be a Port${hint}`);
    }
    if (p.portName !== undefined && p.protocol !== Protocol.TCP) {
      throw new Error(`Invalid ${at} "${p}": a ClusterNetworkPolicy named port has no protocol (it matches the destination's container port of that name, ` +
        `whatever its protocol): write Port.named('${p.portName}')`);
    }
  });
  return [...ports];
}

/** Peers in ClusterNetworkPolicy shape: pods first (as given), then one `networks`, the `nodes`, one `domainNames`. */
function renderPeers(peers: readonly Peer[], check: boolean): ClusterPeerJson[] {
  const pods: ClusterPeerJson[] = [];
  const nodes: ClusterPeerJson[] = [];
  const networks: string[] = [];
  const domains: string[] = [];
  const seen = new Set<string>();
  const add = (peer: ClusterPeerJson, list: ClusterPeerJson[]) => {
    const key = JSON.stringify(peer);
    if (seen.has(key)) return;
    seen.add(key);
    list.push(peer);
  };
  for (const peer of peers) {
    if (check && peer._workload() !== undefined) {
      add({ pods: { namespaceSelector: {}, podSelector: { matchLabels: { 'call-site-check': String(seen.size) } } } }, pods);
      continue;
    }
    const model = peer._model();
    switch (model.kind) {
      case 'pods': {
        const scope = model.namespaces;
        const namespaceSelector = scope.kind === 'name' ? { matchLabels: { [NAMESPACE_NAME_LABEL]: scope.name } }
          : scope.kind === 'selector' ? selectorJson(scope.selector) : {};
        if (scope.kind === 'policy') throw new Error(`"${peer}" has no namespace`); // refused where it entered
        const rendered = isEmptySelector(model.pods)
          ? { namespaces: namespaceSelector }
          : { pods: { namespaceSelector, podSelector: selectorJson(model.pods) } };
        add(rendered, pods);
        break;
      }
      case 'ipBlock':
        if (!networks.includes(model.cidr.text)) networks.push(model.cidr.text);
        break;
      case 'anywhere':
        for (const n of EVERY_NETWORK) if (!networks.includes(n)) networks.push(n);
        break;
      case 'nodes':
        add({ nodes: selectorJson(model.nodes) }, nodes);
        break;
      case 'domain':
        if (!domains.includes(model.name)) domains.push(model.name);
        break;
    }
  }
  return [
    ...pods,
    ...chunks(networks, PER_PEER).map((n) => ({ networks: n })),
    ...nodes,
    ...chunks(domains, PER_PEER).map((d) => ({ domainNames: d })),
  ];
}

function destinationPort(p: Port): ClusterProtocolJson {
  const key = p.protocol === Protocol.UDP ? 'udp' : p.protocol === Protocol.SCTP ? 'sctp' : 'tcp';
  const start = p.portNumber ?? 1;
  const end = p.portNumber === undefined ? 65535 : p.endPort;
  const dp = end !== undefined && end !== start ? { range: { start, end } } : { number: start };
  return { [key]: { destinationPort: dp } };
}

/** Ports in ClusterNetworkPolicy shape (`protocols`), de-duplicated, in the order given. */
function renderProtocols(ports: readonly Port[]): ClusterProtocolJson[] {
  const out: ClusterProtocolJson[] = [];
  const seen = new Set<string>();
  for (const p of ports) {
    const key = p.toString();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p.portName !== undefined ? { destinationNamedPort: p.portName } : destinationPort(p));
  }
  return out;
}
