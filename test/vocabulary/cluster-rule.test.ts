/**
 * The cluster vocabulary: `Peer.nodes()`, `Peer.domain()`, `Subject`, `ClusterRule` and how they
 * render to ClusterNetworkPolicy (v1alpha2) shape; every error at the call that made it.
 */
import { Chart, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { ClusterRule, ClusterRuleAction, LabelOperator, Peer, Port, Protocol, Subject } from '../../src';
import { errorOf } from '../support/policy-helpers';

const egress = (r: ClusterRule) => r._render('egress');
const ingress = (r: ClusterRule) => r._render('ingress');

describe('Peer.nodes() and Peer.domain()', () => {
  test('readable forms', () => {
    expect(Peer.nodes({ 'node-role.kubernetes.io/control-plane': '' }).toString()).toBe('nodes node-role.kubernetes.io/control-plane=');
    expect(Peer.nodes({}).toString()).toBe('all nodes');
    expect(Peer.domain('api.stripe.com').toString()).toBe('domain api.stripe.com');
    expect(Peer.domain('*.stripe.com').toString()).toBe('domain *.stripe.com');
  });

  test('a domain name is checked with the CRD pattern (the validator\'s)', () => {
    expect(errorOf(() => Peer.domain('https://api.stripe.com'))).toBe(
      'Invalid domain name "https://api.stripe.com" in Peer.domain(): must be a domain name (`kubernetes.io`) or a wildcard for its subdomains ' +
      "(`*.kubernetes.io`): labels of letters, digits, '-' and '_', separated by '.', '*' only as a whole first label");
    expect(errorOf(() => Peer.domain('api.*.com'))).toMatch(/^Invalid domain name "api\.\*\.com" in Peer\.domain\(\): must be a domain name/);
    expect(errorOf(() => Peer.domain('localhost'))).toMatch(/^Invalid domain name "localhost" in Peer\.domain\(\)/);
    expect(errorOf(() => Peer.domain(42 as any))).toBe('Invalid domain name 42 in Peer.domain(): must be a string');
  });

  test('node labels are checked like every label map', () => {
    expect(errorOf(() => Peer.nodes({ 'bad key!': 'x' }))).toMatch(/^Invalid label key "bad key!" in Peer\.nodes\(\) labels: /);
  });
});

describe('Subject', () => {
  test('renders each form, both selectors written for pods', () => {
    expect(Subject.allNamespaces()._render()).toEqual({ namespaces: {} });
    expect(Subject.namespace('shop')._render()).toEqual({ namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } });
    expect(Subject.namespaces({ tenant: 'acme' })._render()).toEqual({ namespaces: { matchLabels: { tenant: 'acme' } } });
    expect(Subject.namespaces({}, [{ key: 'tenant', operator: LabelOperator.EXISTS }])._render()).toEqual({
      namespaces: { matchExpressions: [{ key: 'tenant', operator: 'Exists' }] },
    });
    expect(Subject.pods({ labels: { app: 'web' }, namespace: 'shop' })._render()).toEqual({
      pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'web' } } },
    });
    expect(Subject.pods({ labels: { app: 'web' }, allNamespaces: true })._render()).toEqual({
      pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } },
    });
    expect(Subject.pods({ labels: { app: 'web' }, namespaceLabels: { team: 'a' } })._render()).toEqual({
      pods: { namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: { matchLabels: { app: 'web' } } },
    });
    // every pod of the namespaces: the namespaces form
    expect(Subject.pods({ namespace: 'shop' })._render()).toEqual({ namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } });
  });

  test('readable forms', () => {
    expect(String(Subject.allNamespaces())).toBe('all namespaces');
    expect(String(Subject.namespace('shop'))).toBe('namespace shop');
    expect(String(Subject.namespaces({ tenant: 'acme' }))).toBe('namespaces tenant=acme');
    expect(String(Subject.pods({ labels: { app: 'web' }, namespace: 'shop' }))).toBe('app=web in namespace shop');
  });

  test('errors say what to write', () => {
    expect(errorOf(() => Subject.pods({ labels: { app: 'web' } }))).toBe(
      "Invalid Subject.pods(): say which namespaces: give namespace ('shop'), namespaceLabels ({ team: 'a' }) or allNamespaces: true " +
      '(a ClusterNetworkPolicy is cluster-scoped: it has no namespace of its own)');
    expect(errorOf(() => Subject.pods({ labels: { app: 'web' }, namespace: 'shop', allNamespaces: true }))).toBe(
      'Invalid Subject.pods(): namespace, allNamespaces are mutually exclusive; give one namespace, namespace labels/expressions, or allNamespaces');
    expect(errorOf(() => Subject.namespaces({}))).toBe(
      'Invalid Subject.namespaces(): no label and no expression would select every namespace; say Subject.allNamespaces() if that is meant');
    expect(errorOf(() => Subject.namespace('Shop'))).toBe(
      'Invalid namespace "Shop" in Subject.namespace("Shop"): a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', ' +
      "and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc'). Did you mean \"shop\"?");
    expect(errorOf(() => Subject.pods({ labels: { app: 'web' }, namespace: 'shop', namspace: 'x' } as any))).toBe(
      'Subject.pods(): unknown option "namspace" (did you mean "namespace"?): valid options are allNamespaces, expressions, labels, namespace, namespaceExpressions, namespaceLabels');
  });
});

describe('ClusterRule rendering', () => {
  test('pods peers: namespaces when every pod, pods with both selectors otherwise', () => {
    const r = ClusterRule.accept({
      peers: [
        Peer.namespace('shop'),
        Peer.namespaces({ team: 'a' }),
        Peer.allPods(),
        Peer.app('web', 'shop'),
        Peer.pods({ labels: { app: 'db' }, allNamespaces: true }),
        Peer.kubeDns(),
        Peer.namespace('shop'), // a duplicate: written once
      ],
    });
    expect(egress(r)).toEqual({
      action: 'Accept',
      to: [
        { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } },
        { namespaces: { matchLabels: { team: 'a' } } },
        { namespaces: {} },
        { pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'web' } } } },
        { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'db' } } } },
        { pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } },
      ],
    });
    expect(ingress(r).from).toEqual(egress(r).to);
    expect(ingress(r).to).toBeUndefined();
  });

  test('addresses: one networks peer (anywhere is 0.0.0.0/0 and ::/0), nodes, one domainNames peer', () => {
    const r = ClusterRule.accept({
      name: 'out',
      peers: [Peer.ipv4('10.0.0.0/8'), Peer.anywhere(), Peer.anyIpv4(), Peer.ipv6('2001:db8::/32'), Peer.nodes({ role: 'gw' }),
        Peer.domain('api.stripe.com'), Peer.domain('*.stripe.com'), Peer.domain('api.stripe.com')],
    });
    expect(egress(r)).toEqual({
      action: 'Accept',
      name: 'out',
      to: [
        { networks: ['10.0.0.0/8', '0.0.0.0/0', '::/0', '2001:db8::/32'] },
        { nodes: { matchLabels: { role: 'gw' } } },
        { domainNames: ['api.stripe.com', '*.stripe.com'] },
      ],
    });
  });

  test('more than 25 networks go to a second networks peer (25 per peer)', () => {
    const peers = Array.from({ length: 30 }, (_, i) => Peer.ipv4(`10.0.${i}.0/24`));
    const to = egress(ClusterRule.deny({ peers })).to!;
    expect(to.map((p) => p.networks!.length)).toEqual([25, 5]);
  });

  test('ports become protocols: number, range, every port of a protocol, named port', () => {
    const r = ClusterRule.deny({
      peers: [Peer.allPods()],
      ports: [Port.tcp(80), Port.udpRange(5000, 5100), Port.sctp(9), Port.allTcp(), Port.named('metrics'), Port.tcp(80)],
    });
    expect(egress(r).protocols).toEqual([
      { tcp: { destinationPort: { number: 80 } } },
      { udp: { destinationPort: { range: { start: 5000, end: 5100 } } } },
      { sctp: { destinationPort: { number: 9 } } },
      { tcp: { destinationPort: { range: { start: 1, end: 65535 } } } },
      { destinationNamedPort: 'metrics' },
    ]);
    expect(egress(ClusterRule.deny({ peers: [Peer.allPods()] })).protocols).toBeUndefined();
  });

  test('action, name, readable form, peers and ports as given', () => {
    const r = ClusterRule.pass({ name: 'same-tenant', peers: [Peer.namespaces({ tenant: 'acme' })], ports: [Port.HTTPS] });
    expect(r.action).toBe(ClusterRuleAction.PASS);
    expect(r.name).toBe('same-tenant');
    expect(r.toString()).toBe('Pass "same-tenant" all pods in namespaces tenant=acme on TCP 443');
    expect(r.peers.map(String)).toEqual(['all pods in namespaces tenant=acme']);
    expect(r.ports.map(String)).toEqual(['TCP 443']);
    expect(ClusterRule.deny({ peers: [Peer.anywhere()] }).toString()).toBe('Deny anywhere');
  });

  test('a workload peer is read at synth time, in its namespace', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'shop' });
    const web = new k8s.KubeDeployment(chart, 'web', {
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'w', image: 'nginx' }] } } },
    });
    const r = ClusterRule.accept({ peers: [Peer.workload(web)] });
    expect(egress(r).to).toEqual([
      { pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'web' } } } },
    ]);
  });
});

describe('ClusterRule errors', () => {
  test('Peer.app() without a namespace has no meaning at cluster scope', () => {
    expect(errorOf(() => ClusterRule.accept({ peers: [Peer.app('web')] }))).toBe(
      'Invalid ClusterRule.accept() peers[0] "app=web": it has no namespace, and a ClusterNetworkPolicy is cluster-scoped: it has no namespace to default to. ' +
      "Write Peer.app('web', 'shop') for the pods of one namespace, or Peer.pods({ labels: { app: 'web' }, allNamespaces: true }) for every namespace");
    expect(errorOf(() => ClusterRule.deny({ peers: [Peer.allPods(), Peer.pods({ labels: { 'tier': 'db', 'app.kubernetes.io/name': 'pg' } })] }))).toBe(
      'Invalid ClusterRule.deny() peers[1] "app.kubernetes.io/name=pg,tier=db": it has no namespace, and a ClusterNetworkPolicy is cluster-scoped: ' +
      "it has no namespace to default to. Write Peer.pods({ labels: { 'app.kubernetes.io/name': 'pg', tier: 'db' }, namespace: 'shop' }) for the pods of one namespace, " +
      "or Peer.pods({ labels: { 'app.kubernetes.io/name': 'pg', tier: 'db' }, allNamespaces: true }) for every namespace");
  });

  test('a workload without a namespace', () => {
    const chart = new Chart(Testing.app(), 'c');
    const web = new k8s.KubeDeployment(chart, 'web', {
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'w', image: 'nginx' }] } } },
    });
    expect(errorOf(() => ClusterRule.accept({ peers: [Peer.workload(web)] }))).toMatch(
      /^Invalid ClusterRule\.accept\(\) peers\[0\] ".*": the workload has no namespace \(neither its own nor its chart's\), and a ClusterNetworkPolicy is cluster-scoped: it has no namespace to default to\. Give the workload or its chart a namespace$/);
  });

  test('an ipBlock except has no ClusterNetworkPolicy form: a rule before, per action', () => {
    const peer = Peer.ipv4('0.0.0.0/0', ['169.254.169.254/32']);
    expect(errorOf(() => ClusterRule.accept({ peers: [peer] }))).toBe(
      'Invalid ClusterRule.accept() peers[0] "0.0.0.0/0 except 169.254.169.254/32": a ClusterNetworkPolicy has no except (its networks are whole CIDRs). ' +
      "The first matching rule wins, so put ClusterRule.deny({ peers: [Peer.ipv4('169.254.169.254/32')] }) before ClusterRule.accept({ peers: [Peer.ipv4('0.0.0.0/0')] }), in the same direction");
    expect(errorOf(() => ClusterRule.deny({ peers: [Peer.ipv6('fd00::/8', ['fd00:ec2::254/128'])] }))).toBe(
      'Invalid ClusterRule.deny() peers[0] "fd00::/8 except fd00:ec2::254/128": a ClusterNetworkPolicy has no except (its networks are whole CIDRs). ' +
      "The first matching rule wins, so put ClusterRule.pass({ peers: [Peer.ipv6('fd00:ec2::254/128')] }) (handing them to the namespaces' NetworkPolicies) " +
      "or ClusterRule.accept(...) before ClusterRule.deny({ peers: [Peer.ipv6('fd00::/8')] }), in the same direction");
    expect(errorOf(() => ClusterRule.pass({ peers: [peer] }))).toBe(
      'Invalid ClusterRule.pass() peers[0] "0.0.0.0/0 except 169.254.169.254/32": a ClusterNetworkPolicy has no except (its networks are whole CIDRs). ' +
      "The first matching rule wins, so put a rule for Peer.ipv4('169.254.169.254/32') before ClusterRule.pass({ peers: [Peer.ipv4('0.0.0.0/0')] }), in the same direction");
  });

  test('domain names in Deny or Pass rules', () => {
    expect(errorOf(() => ClusterRule.deny({ peers: [Peer.domain('evil.example.com')] }))).toBe(
      'Invalid ClusterRule.deny() peers[0] "domain evil.example.com": domain names are only supported in Accept rules (a Deny cannot be enforced by name: ' +
      "no plugin knows every address of a domain). Accept the names, then deny the rest: ClusterRule.accept({ peers: [Peer.domain('evil.example.com')] }) " +
      'followed by ClusterRule.deny({ peers: [Peer.anywhere()] })');
    expect(errorOf(() => ClusterRule.pass({ peers: [Peer.domain('*.example.com')] }))).toMatch(/^Invalid ClusterRule\.pass\(\) peers\[0\] "domain \*\.example\.com": domain names are only supported in Accept rules \(a Pass cannot/);
  });

  test('peers and ports: present, non-empty, of the right type', () => {
    expect(errorOf(() => ClusterRule.accept({ peers: [] }))).toBe(
      'Invalid ClusterRule.accept() peers []: a rule needs at least one peer; Peer.allPods() for every pod, Peer.anywhere() for every address (egress)');
    expect(errorOf(() => ClusterRule.accept({} as any))).toBe(
      "Invalid ClusterRule.accept() peers undefined: must be a list of Peer, e.g. [Peer.namespace('shop')]");
    expect(errorOf(() => ClusterRule.accept({ peers: ['10.0.0.0/8' as any] }))).toBe(
      'Invalid ClusterRule.accept() peers[0] "10.0.0.0/8": must be a Peer; for an address block use Peer.ipv4("10.0.0.0/8")');
    expect(errorOf(() => ClusterRule.accept({ peers: ['api.stripe.com' as any] }))).toBe(
      'Invalid ClusterRule.accept() peers[0] "api.stripe.com": must be a Peer; for a domain use Peer.domain("api.stripe.com")');
    expect(errorOf(() => ClusterRule.accept({ peers: [Peer.allPods()], ports: [] }))).toBe(
      'Invalid ClusterRule.accept() ports []: an empty list would mean every port; omit `ports` for every port');
    expect(errorOf(() => ClusterRule.accept({ peers: [Peer.allPods()], ports: [443 as any] }))).toBe(
      'Invalid ClusterRule.accept() ports[0] 443: must be a Port; did you mean Port.tcp(443)?');
    expect(errorOf(() => ClusterRule.accept({ peers: [Peer.allPods()], port: [Port.HTTPS] } as any))).toBe(
      'ClusterRule.accept(): unknown option "port" (did you mean "ports"?): valid options are name, peers, ports');
  });

  test('a named port has no protocol in a ClusterNetworkPolicy', () => {
    expect(errorOf(() => ClusterRule.accept({ peers: [Peer.allPods()], ports: [Port.named('dns', Protocol.UDP)] }))).toBe(
      'Invalid ClusterRule.accept() ports[0] "UDP dns": a ClusterNetworkPolicy named port has no protocol (it matches the destination\'s container port ' +
      "of that name, whatever its protocol): write Port.named('dns')");
  });

  test('what else the CRD rejects comes from the validator: name length, peers per rule, ports per rule, named ports toward addresses', () => {
    expect(errorOf(() => ClusterRule.accept({ name: 'x'.repeat(101), peers: [Peer.allPods()] }))).toMatch(
      /^Invalid ClusterRule\.accept\(\): the API server would reject the rule: name: Invalid value: "x+".*: may not be more than 100 characters\. Shorten the name$/);
    const peers = Array.from({ length: 26 }, (_, i) => Peer.namespace(`ns-${i}`));
    expect(errorOf(() => ClusterRule.deny({ peers }))).toBe(
      'Invalid ClusterRule.deny(): the API server would reject the rule: peers: Invalid value: 26: must have at most 25 items. Split the rule into several rules with the same action');
    const ports = Array.from({ length: 26 }, (_, i) => Port.tcp(1000 + i));
    expect(errorOf(() => ClusterRule.deny({ peers: [Peer.allPods()], ports }))).toBe(
      'Invalid ClusterRule.deny(): the API server would reject the rule: protocols: Invalid value: 26: must have at most 25 items. Split the rule into several rules with the same action and peers');
    expect(errorOf(() => ClusterRule.accept({ peers: [Peer.ipv4('10.0.0.0/8')], ports: [Port.named('http')] }))).toBe(
      'Invalid ClusterRule.accept(): the API server would reject the rule: rule: Invalid value: "object": networks/nodes/domainNames peer cannot be set with namedPorts ' +
      'since there are no namedPorts for networks/nodes/domainNames. A named port exists on pods only: put the named ports in a rule toward pods, the numbers in a rule toward addresses');
  });

  test('ingress peers are pods only: said when the rule is added (see the ClusterNetworkPolicy tests)', () => {
    expect(ClusterRule.accept({ peers: [Peer.allPods()] })._directionProblem('ingress')).toBeUndefined();
    expect(ClusterRule.accept({ peers: [Peer.anywhere()] })._directionProblem('egress')).toBeUndefined();
    expect(ClusterRule.accept({ peers: [Peer.anywhere()] })._directionProblem('ingress')).toBe(
      'peers[0] "anywhere": ClusterNetworkPolicy ingress rules match pods only (namespaces and pods peers), not addresses, nodes or domains. ' +
      'For every pod of the cluster write Peer.allPods(); traffic from outside the cluster cannot be matched by a ClusterNetworkPolicy ingress rule');
  });
});
