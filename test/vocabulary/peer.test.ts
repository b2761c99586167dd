import { LabelOperator, Peer } from '../../src';
import { errorOf } from '../support/policy-helpers';

describe('Peer', () => {
  describe('selector peers render relative to the policy namespace', () => {
    test('app() alone is a podSelector: pods of the policy namespace', () => {
      expect(Peer.app('frontend')._render()).toEqual({ podSelector: { matchLabels: { app: 'frontend' } } });
      expect(Peer.app('frontend').toString()).toBe('app=frontend');
    });

    test('app() in another namespace is ONE peer: namespace AND pods', () => {
      expect(Peer.app('frontend', 'shop')._render()).toEqual({
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
        podSelector: { matchLabels: { app: 'frontend' } },
      });
      expect(Peer.app('frontend', 'shop').toString()).toBe('app=frontend in namespace shop');
    });

    test('namespace() is every pod of one namespace, by name', () => {
      expect(Peer.namespace('monitoring')._render()).toEqual({
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
      });
      expect(Peer.namespace('monitoring').toString()).toBe('all pods in namespace monitoring');
    });

    test('namespaces() is every pod of the namespaces matching labels', () => {
      expect(Peer.namespaces({ purpose: 'monitoring' })._render()).toEqual({ namespaceSelector: { matchLabels: { purpose: 'monitoring' } } });
      expect(Peer.namespaces({ purpose: 'monitoring' }).toString()).toBe('all pods in namespaces purpose=monitoring');
      expect(Peer.namespaces({})._render()).toEqual({ namespaceSelector: {} });
    });

    test('allPods() is every pod of every namespace', () => {
      expect(Peer.allPods()._render()).toEqual({ namespaceSelector: {} });
      expect(Peer.allPods().toString()).toBe('all pods in all namespaces');
    });

    test('kubeDns() is k8s-app=kube-dns in kube-system', () => {
      expect(Peer.kubeDns()._render()).toEqual({
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      });
      expect(Peer.kubeDns().toString()).toBe('k8s-app=kube-dns in namespace kube-system');
    });
  });

  describe('pods()', () => {
    test('no options: every pod of the policy namespace', () => {
      expect(Peer.pods()._render()).toEqual({ podSelector: {} });
      expect(Peer.pods().toString()).toBe("all pods in the policy's namespace");
    });

    test('labels and expressions, sorted', () => {
      const peer = Peer.pods({
        labels: { tier: 'api', app: 'shop' },
        expressions: [
          { key: 'env', operator: LabelOperator.NOT_IN, values: ['test', 'dev'] },
          { key: 'canary', operator: LabelOperator.DOES_NOT_EXIST },
        ],
      });
      expect(peer._render()).toEqual({
        podSelector: {
          matchLabels: { app: 'shop', tier: 'api' },
          matchExpressions: [
            { key: 'canary', operator: 'DoesNotExist' },
            { key: 'env', operator: 'NotIn', values: ['dev', 'test'] },
          ],
        },
      });
      expect(Object.keys(peer._render()!.podSelector!.matchLabels!)).toEqual(['app', 'tier']);
      expect(peer.toString()).toBe('app=shop,tier=api,!canary,env notin (dev,test)');
    });

    test('namespaceLabels: pods AND namespaces in one peer', () => {
      expect(Peer.pods({ labels: { role: 'db-client' }, namespaceLabels: { purpose: 'backend' } })._render()).toEqual({
        namespaceSelector: { matchLabels: { purpose: 'backend' } },
        podSelector: { matchLabels: { role: 'db-client' } },
      });
    });

    test('namespaceExpressions', () => {
      const peer = Peer.pods({ labels: { app: 'x' }, namespaceExpressions: [{ key: 'team', operator: LabelOperator.EXISTS }] });
      expect(peer._render()).toEqual({
        namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'Exists' }] },
        podSelector: { matchLabels: { app: 'x' } },
      });
      expect(peer.toString()).toBe('app=x in namespaces team');
    });

    test('allNamespaces', () => {
      expect(Peer.pods({ labels: { app: 'prometheus' }, allNamespaces: true })._render()).toEqual({
        namespaceSelector: {},
        podSelector: { matchLabels: { app: 'prometheus' } },
      });
      expect(Peer.pods({ allNamespaces: true })._render()).toEqual({ namespaceSelector: {} });
    });

    test('one named namespace', () => {
      expect(Peer.pods({ labels: { role: 'backend' }, namespace: 'backend' }).toString()).toBe('role=backend in namespace backend');
    });
  });

  describe('ip blocks', () => {
    test('ipv4 with except', () => {
      const peer = Peer.ipv4('0.0.0.0/0', ['169.254.169.254/32']);
      expect(peer._render()).toEqual({ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] } });
      expect(peer.toString()).toBe('0.0.0.0/0 except 169.254.169.254/32');
    });

    test('ipv6, no except key when there is none', () => {
      expect(Peer.ipv6('2001:db8::/32')._render()).toEqual({ ipBlock: { cidr: '2001:db8::/32' } });
    });

    test('anyIpv4 / anyIpv6', () => {
      expect(Peer.anyIpv4()._render()).toEqual({ ipBlock: { cidr: '0.0.0.0/0' } });
      expect(Peer.anyIpv6()._render()).toEqual({ ipBlock: { cidr: '::/0' } });
      expect(Peer.anyIpv4().toString()).toBe(Peer.ipv4('0.0.0.0/0').toString());
    });

    test('uncompressed IPv6 is accepted and written canonically', () => {
      expect(Peer.ipv6('2001:0db8:0000:0000:0000:0000:0000:0000/32').toString()).toBe('2001:db8::/32');
    });
  });

  test('anywhere renders as no peer at all', () => {
    expect(Peer.anywhere()._render()).toBeUndefined();
    expect(Peer.anywhere().toString()).toBe('anywhere');
  });

  test('the internal model says what kind of peer it is (for the Firewall)', () => {
    expect(Peer.app('web', 'shop')._model()).toEqual({
      kind: 'pods',
      pods: { labels: { app: 'web' }, expressions: [] },
      namespaces: { kind: 'name', name: 'shop' },
    });
    expect(Peer.app('web')._model()).toMatchObject({ kind: 'pods', namespaces: { kind: 'policy' } });
    expect(Peer.allPods()._model()).toMatchObject({ kind: 'pods', namespaces: { kind: 'all' } });
    expect(Peer.namespaces({ team: 'a' })._model()).toMatchObject({ namespaces: { kind: 'selector', selector: { labels: { team: 'a' } } } });
    expect(Peer.ipv4('10.0.0.0/8')._model()).toMatchObject({ kind: 'ipBlock', cidr: { text: '10.0.0.0/8' }, except: [] });
    expect(Peer.anywhere()._model()).toEqual({ kind: 'anywhere' });
  });

  describe('bad input', () => {
    test('CIDR with host bits set suggests the network', () => {
      expect(errorOf(() => Peer.ipv4('10.0.0.5/8'))).toBe(
        'Invalid IPv4 CIDR "10.0.0.5/8" in Peer.ipv4(): must not have bits set beyond the prefix length. Did you mean "10.0.0.0/8"?');
    });

    test('bare IP suggests /32 or /128', () => {
      expect(errorOf(() => Peer.ipv4('10.0.0.1'))).toBe(
        'Invalid IPv4 CIDR "10.0.0.1" in Peer.ipv4(): must be a CIDR with a prefix length, not a bare IP. Did you mean "10.0.0.1/32"?');
      expect(errorOf(() => Peer.ipv6('fd00::1'))).toMatch(/Did you mean "fd00::1\/128"\?$/);
    });

    test('malformed CIDR', () => {
      expect(errorOf(() => Peer.ipv4('10.0.0/8'))).toBe(
        'Invalid IPv4 CIDR "10.0.0/8" in Peer.ipv4(): must be a valid CIDR, e.g. "10.0.0.0/8" or "2001:db8::/64"');
      expect(errorOf(() => Peer.ipv4('10.0.0.0/33'))).toBe(
        'Invalid IPv4 CIDR "10.0.0.0/33" in Peer.ipv4(): must be a valid CIDR: the prefix length must be 0..32');
      expect(errorOf(() => Peer.ipv4('010.0.0.0/8'))).toMatch(/leading zeros are not allowed\. Did you mean "10\.0\.0\.0\/8"\?$/);
    });

    test('wrong family', () => {
      expect(errorOf(() => Peer.ipv4('2001:db8::/32'))).toBe(
        'Invalid IPv4 CIDR "2001:db8::/32" in Peer.ipv4(): it is an IPv6 CIDR. Did you mean Peer.ipv6("2001:db8::/32")?');
      expect(errorOf(() => Peer.ipv6('10.0.0.0/8'))).toBe(
        'Invalid IPv6 CIDR "10.0.0.0/8" in Peer.ipv6(): it is an IPv4 CIDR. Did you mean Peer.ipv4("10.0.0.0/8")?');
      expect(errorOf(() => Peer.ipv4('10.0.0.0/8', ['fd00::/8']))).toBe(
        'Invalid IPv4 except entry "fd00::/8" in Peer.ipv4(): it is an IPv6 CIDR. Did you mean Peer.ipv6("fd00::/8")?');
    });

    test('except outside or equal to the CIDR', () => {
      expect(errorOf(() => Peer.ipv4('10.0.0.0/8', ['192.168.0.0/16']))).toBe(
        'Invalid except entry "192.168.0.0/16" in Peer.ipv4("10.0.0.0/8"): must be a strict subset of cidr "10.0.0.0/8"');
      expect(errorOf(() => Peer.ipv4('10.0.0.0/8', ['10.0.0.0/8']))).toBe(
        'Invalid except entry "10.0.0.0/8" in Peer.ipv4("10.0.0.0/8"): must be a strict subset of cidr "10.0.0.0/8" (it covers all of it)');
      expect(errorOf(() => Peer.ipv4('10.0.0.0/8', ['10.1.0.5/16']))).toMatch(/Did you mean "10\.1\.0\.0\/16"\?$/);
    });

    test('invalid label keys and values', () => {
      expect(errorOf(() => Peer.pods({ labels: { 'app name': 'x' } }))).toBe(
        'Invalid label key "app name" in Peer.pods() labels: name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', ' +
        "and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc')");
      expect(errorOf(() => Peer.pods({ labels: { app: 'web app' } }))).toMatch(/^Invalid label value "web app" for key "app" in Peer.pods\(\) labels: a valid label must be/);
      expect(errorOf(() => Peer.namespaces({ team: 'x'.repeat(64) }))).toMatch(/in Peer.namespaces\(\) labels: must be no more than 63 characters$/);
      expect(errorOf(() => Peer.pods({ labels: { 'Example.com/app': 'x' } }))).toMatch(/^Invalid label key "Example.com\/app" in Peer.pods\(\) labels: prefix part a lowercase RFC 1123 subdomain/);
    });

    test('invalid app names', () => {
      expect(errorOf(() => Peer.app(''))).toBe('Invalid app name "" in Peer.app(""): must not be empty (it is the value of the "app" label)');
      expect(errorOf(() => Peer.app('front end'))).toMatch(/^Invalid app name "front end" in Peer.app\("front end"\): it is the value of the "app" label, and a valid label must be/);
    });

    test('invalid label expressions', () => {
      expect(errorOf(() => Peer.pods({ expressions: [{ key: 'env', operator: LabelOperator.IN }] }))).toBe(
        'Invalid label expression at Peer.pods() expressions[0]: operator "In" on key "env" requires a non-empty list of values');
      expect(errorOf(() => Peer.pods({ expressions: [{ key: 'env', operator: LabelOperator.EXISTS, values: ['a'] }] }))).toBe(
        'Invalid label expression at Peer.pods() expressions[0]: operator "Exists" on key "env" takes no values, got ["a"]; use LabelOperator.IN to match values');
      expect(errorOf(() => Peer.pods({ expressions: [{ key: 'env', operator: 'in' as LabelOperator, values: ['a'] }] }))).toBe(
        'Invalid operator "in" at Peer.pods() expressions[0].operator: must be one of "In", "NotIn", "Exists", "DoesNotExist" (LabelOperator)');
      expect(errorOf(() => Peer.pods({ expressions: [{ key: '-env', operator: LabelOperator.EXISTS }] }))).toMatch(
        /^Invalid label key "-env" at Peer.pods\(\) expressions\[0\].key: name part must consist/);
      expect(errorOf(() => Peer.pods({ expressions: [{ key: 'env', operator: LabelOperator.IN, values: ['a b'] }] }))).toMatch(
        /^Invalid label value "a b" at Peer.pods\(\) expressions\[0\].values: a valid label must be/);
    });

    test('invalid namespaces', () => {
      expect(errorOf(() => Peer.namespace('Shop'))).toBe(
        'Invalid namespace "Shop" in Peer.namespace("Shop"): a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', ' +
        "and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc'). Did you mean \"shop\"?");
      expect(errorOf(() => Peer.app('web', 'my.ns'))).toMatch(/^Invalid namespace "my.ns" in Peer.app\("web", "my.ns"\): a lowercase RFC 1123 label/);
      expect(errorOf(() => Peer.pods({ namespace: 'x'.repeat(64) }))).toMatch(/in Peer.pods\(\) namespace: must be no more than 63 characters$/);
    });

    test('namespace options are mutually exclusive', () => {
      expect(errorOf(() => Peer.pods({ namespace: 'a', allNamespaces: true }))).toBe(
        'Invalid Peer.pods(): namespace, allNamespaces are mutually exclusive; give one namespace, namespace labels/expressions, or allNamespaces');
      expect(errorOf(() => Peer.pods({ namespace: 'a', namespaceLabels: { team: 'a' } }))).toMatch(/namespace, namespaceLabels are mutually exclusive/);
    });
  });
});
