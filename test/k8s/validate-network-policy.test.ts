import { defaultNetworkPolicy, effectivePolicyTypes, formatPolicyError, validateNetworkPolicy } from '../../src/k8s';

/** A valid policy with the given spec. */
function policy(spec: any, metadata: any = { name: 'p', namespace: 'shop' }): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec };
}

/** The formatted errors for a policy. */
function errors(obj: any): string[] {
  return validateNetworkPolicy(obj).map(formatPolicyError);
}

/** The formatted errors for a policy with one ingress rule holding these ports. */
function portErrors(...ports: any[]): string[] {
  return errors(policy({ podSelector: {}, ingress: [{ ports }] }));
}

/** The formatted errors for a policy with one ingress rule holding these peers. */
function peerErrors(...from: any[]): string[] {
  return errors(policy({ podSelector: {}, ingress: [{ from }] }));
}

describe('formatPolicyError', () => {
  test('API-server shape for each error type', () => {
    expect(formatPolicyError({ field: 'spec.ingress[0].ports[1].endPort', value: 80, message: 'must be greater than or equal to `port`' }))
      .toBe('spec.ingress[0].ports[1].endPort: Invalid value: 80: must be greater than or equal to `port`');
    expect(formatPolicyError({ type: 'Required', field: 'spec.ingress[0].from[0]', value: undefined, message: 'must specify a peer' }))
      .toBe('spec.ingress[0].from[0]: Required value: must specify a peer');
    expect(formatPolicyError({ type: 'Required', field: 'spec.egress[0].to[0].ipBlock.cidr', value: undefined, message: '' }))
      .toBe('spec.egress[0].to[0].ipBlock.cidr: Required value');
    expect(formatPolicyError({ type: 'Forbidden', field: 'x', value: undefined, message: 'may not' })).toBe('x: Forbidden: may not');
    expect(formatPolicyError({ type: 'Unsupported', field: 'p', value: 'tcp', message: 'supported values: "TCP"' }))
      .toBe('p: Unsupported value: "tcp": supported values: "TCP"');
    expect(formatPolicyError({ type: 'Invalid', field: 'f', value: ['a', 'b'], message: 'm' })).toBe('f: Invalid value: ["a","b"]: m');
  });
});

describe('a valid policy', () => {
  test('GIVEN a policy using every feature WHEN validated THEN there is no error', () => {
    const obj = policy({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'backend', 'tier': '' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'staging'] }] },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [
            { podSelector: { matchLabels: { app: 'frontend' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } },
            { namespaceSelector: {} },
            { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.3.4/32'] } },
            { ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] } },
          ],
          ports: [{ port: 80 }, { protocol: 'UDP', port: 53 }, { protocol: 'SCTP', port: 9000, endPort: 9100 }, { port: 'http' }, { protocol: 'TCP' }, {}],
        },
        {},
      ],
      egress: [{ to: [{ podSelector: { matchExpressions: [{ key: 'x', operator: 'Exists' }, { key: 'y', operator: 'DoesNotExist' }] } }] }],
    });
    expect(errors(obj)).toEqual([]);
  });

  test('a minimal policy, no spec fields, and no namespace are valid', () => {
    expect(errors({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' }, spec: {} })).toEqual([]);
    expect(errors({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' } })).toEqual([]);
    expect(errors(policy({ podSelector: {}, ingress: [], egress: [], policyTypes: ['Egress'] }))).toEqual([]);
  });

  test('null fields are the same as absent ones', () => {
    expect(errors(policy({ podSelector: null, ingress: [{ from: null, ports: null }], egress: null, policyTypes: null }))).toEqual([]);
  });

  test('never throws, whatever the input', () => {
    for (const junk of [null, undefined, 42, 'x', [], { spec: 'x' }, { metadata: [] }, { spec: { ingress: 'x' } },
      { spec: { ingress: [{ from: [5], ports: ['x'] }] } }, { spec: { podSelector: { matchExpressions: [null] } } }]) {
      expect(() => validateNetworkPolicy(junk)).not.toThrow();
      expect(validateNetworkPolicy(junk).length).toBeGreaterThan(0);
    }
  });
});

describe('metadata', () => {
  test('name is required', () => {
    expect(errors(policy({}, { namespace: 'shop' }))).toEqual(['metadata.name: Required value: name or generateName is required']);
    expect(errors({ kind: 'NetworkPolicy', spec: {} })).toEqual(['metadata.name: Required value: name or generateName is required']);
    expect(errors(policy({}, { generateName: 'deny-' }))).toEqual([]);
  });

  test('name is an RFC 1123 subdomain of at most 253 characters', () => {
    expect(errors(policy({}, { name: 'allow.frontend-to-backend' }))).toEqual([]);
    const [upper] = errors(policy({}, { name: 'Allow_Frontend' }));
    expect(upper).toMatch(/^metadata\.name: Invalid value: "Allow_Frontend": a lowercase RFC 1123 subdomain must consist of/);
    expect(errors(policy({}, { name: 'Deny' }))[0]).toMatch(/Did you mean "deny"\?$/);
    expect(errors(policy({}, { name: '-deny' }))).toHaveLength(1);
    expect(errors(policy({}, { name: 'a'.repeat(253) }))).toEqual([]);
    expect(errors(policy({}, { name: 'a'.repeat(254) }))[0]).toMatch(/must be no more than 253 characters/);
    expect(errors(policy({}, { name: 42 }))[0]).toMatch(/^metadata\.name: Invalid value: 42: must be a string/);
  });

  test('namespace is an RFC 1123 label of at most 63 characters', () => {
    expect(errors(policy({}, { name: 'p', namespace: 'a'.repeat(63) }))).toEqual([]);
    expect(errors(policy({}, { name: 'p', namespace: 'a'.repeat(64) }))).toEqual([
      `metadata.namespace: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`,
    ]);
    expect(errors(policy({}, { name: 'p', namespace: 'my.ns' }))[0]).toMatch(/^metadata\.namespace: Invalid value: "my.ns": a lowercase RFC 1123 label/);
  });

  test('labels follow the label rules', () => {
    expect(errors(policy({}, { name: 'p', labels: { 'app.kubernetes.io/part-of': 'shop' } }))).toEqual([]);
    expect(errors(policy({}, { name: 'p', labels: { 'bad key': 'x' } }))[0]).toMatch(/^metadata\.labels: Invalid value: "bad key": name part must consist/);
  });

  test('apiVersion and kind', () => {
    expect(errors({ ...policy({}), apiVersion: 'extensions/v1beta1' })).toEqual([
      'apiVersion: Unsupported value: "extensions/v1beta1": supported values: "networking.k8s.io/v1"',
    ]);
  });
});

describe('label selectors', () => {
  test('matchLabels keys are qualified names', () => {
    expect(errors(policy({ podSelector: { matchLabels: { 'example.com/app': 'x', 'a_b.c-d': 'x' } } }))).toEqual([]);
    const errs = errors(policy({ podSelector: { matchLabels: { '-app': 'x' } } }));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^spec\.podSelector\.matchLabels: Invalid value: "-app": name part must consist of/);
    expect(errors(policy({ podSelector: { matchLabels: { 'a/b/c': 'x' } } }))[0]).toMatch(/a qualified name must consist/);
    expect(errors(policy({ podSelector: { matchLabels: { '/app': 'x' } } }))[0]).toMatch(/prefix part must be non-empty/);
    expect(errors(policy({ podSelector: { matchLabels: { 'Example.com/app': 'x' } } }))[0]).toMatch(/prefix part a lowercase RFC 1123 subdomain/);
    expect(errors(policy({ podSelector: { matchLabels: { ['a'.repeat(64)]: 'x' } } }))[0]).toMatch(/name part must be no more than 63 characters/);
    expect(errors(policy({ podSelector: { matchLabels: { [`${'a'.repeat(254)}/x`]: 'x' } } }))[0]).toMatch(/prefix part must be no more than 253 characters/);
  });

  test('matchLabels values: at most 63 characters, may be empty, must be strings', () => {
    expect(errors(policy({ podSelector: { matchLabels: { app: '' } } }))).toEqual([]);
    expect(errors(policy({ podSelector: { matchLabels: { app: 'a'.repeat(64) } } }))[0]).toMatch(/must be no more than 63 characters/);
    expect(errors(policy({ podSelector: { matchLabels: { app: 'bad value' } } }))[0])
      .toMatch(/^spec\.podSelector\.matchLabels: Invalid value: "bad value": a valid label must be an empty string/);
    expect(errors(policy({ podSelector: { matchLabels: { version: 1.5 } } }))).toEqual([
      'spec.podSelector.matchLabels[version]: Invalid value: 1.5: must be a string, not a number (quote it in YAML: "1.5")',
    ]);
  });

  test('matchExpressions: operator must be In, NotIn, Exists or DoesNotExist', () => {
    const [err] = errors(policy({ podSelector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['x'] }] } }));
    expect(err).toMatch(/^spec\.podSelector\.matchExpressions\[0\]\.operator: Invalid value: "Equals": not a valid selector operator/);
    expect(errors(policy({ podSelector: { matchExpressions: [{ key: 'app', operator: 'in', values: ['x'] }] } }))[0])
      .toMatch(/Did you mean "In"\?/);
    expect(errors(policy({ podSelector: { matchExpressions: [{ key: 'app' }] } }))[0]).toMatch(/operator: Invalid value: "": not a valid selector operator/);
  });

  test('matchExpressions: In and NotIn require values', () => {
    for (const operator of ['In', 'NotIn']) {
      expect(errors(policy({ podSelector: { matchExpressions: [{ key: 'app', operator }] } }))).toEqual([
        "spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      ]);
      expect(errors(policy({ podSelector: { matchExpressions: [{ key: 'app', operator, values: [] }] } }))).toHaveLength(1);
      expect(errors(policy({ podSelector: { matchExpressions: [{ key: 'app', operator, values: ['a'] }] } }))).toEqual([]);
    }
  });

  test('matchExpressions: Exists and DoesNotExist forbid values', () => {
    for (const operator of ['Exists', 'DoesNotExist']) {
      expect(errors(policy({ podSelector: { matchExpressions: [{ key: 'app', operator, values: ['a'] }] } }))).toEqual([
        "spec.podSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ]);
      expect(errors(policy({ podSelector: { matchExpressions: [{ key: 'app', operator, values: [] }] } }))).toEqual([]);
    }
  });

  test('matchExpressions: keys and values follow the label rules', () => {
    expect(errors(policy({ podSelector: { matchExpressions: [{ key: 'bad key', operator: 'Exists' }] } }))[0])
      .toMatch(/^spec\.podSelector\.matchExpressions\[0\]\.key: Invalid value: "bad key": name part must consist/);
    expect(errors(policy({ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['ok', 'not ok'] }] } }))[0])
      .toMatch(/^spec\.podSelector\.matchExpressions\[0\]\.values\[1\]: Invalid value: "not ok": a valid label must be/);
    expect(errors(policy({ podSelector: { matchExpressions: [{ operator: 'Exists' }] } }))[0]).toMatch(/\.key: Invalid value: "": /);
  });

  test('peer selectors are validated too', () => {
    expect(peerErrors({ namespaceSelector: { matchLabels: { 'bad key': 'x' } } })[0])
      .toMatch(/^spec\.ingress\[0\]\.from\[0\]\.namespaceSelector\.matchLabels: Invalid value: "bad key"/);
    expect(errors(policy({ egress: [{ to: [{ podSelector: { matchExpressions: [{ key: 'a', operator: 'In' }] } }] }] })))
      .toEqual(["spec.egress[0].to[0].podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]);
  });
});

describe('ports', () => {
  test('protocol is exactly TCP, UDP or SCTP (case-sensitive)', () => {
    expect(portErrors({ protocol: 'TCP' }, { protocol: 'UDP' }, { protocol: 'SCTP' })).toEqual([]);
    expect(portErrors({ protocol: 'tcp', port: 80 })).toEqual([
      'spec.ingress[0].ports[0].protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP". Did you mean "TCP"? (protocols are case-sensitive)',
    ]);
    expect(portErrors({ protocol: 'ICMP' })).toEqual([
      'spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"',
    ]);
  });

  test('a numeric port is 1..65535', () => {
    expect(portErrors({ port: 1 }, { port: 65535 })).toEqual([]);
    expect(portErrors({ port: 0 })).toEqual(['spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']);
    expect(portErrors({ port: 65536 })).toEqual(['spec.ingress[0].ports[0].port: Invalid value: 65536: must be between 1 and 65535, inclusive']);
    expect(portErrors({ port: -1 })).toHaveLength(1);
    expect(portErrors({ port: 80.5 })).toEqual(['spec.ingress[0].ports[0].port: Invalid value: 80.5: must be an integer or a port name']);
    expect(portErrors({ port: true })[0]).toMatch(/must be a port number or a port name, not a boolean/);
  });

  test('a named port is an IANA service name', () => {
    expect(portErrors({ port: 'http' }, { port: 'serve-80-tcp' }, { port: 'a'.repeat(15) })).toEqual([]);
    expect(portErrors({ port: 'a'.repeat(16) })[0]).toMatch(/port: Invalid value: "a{16}": must be no more than 15 characters/);
    expect(portErrors({ port: 'HTTP' })[0]).toMatch(/must contain only alpha-numeric characters \(a-z, 0-9\), and hyphens \(-\)/);
    expect(portErrors({ port: 'my--port' })[0]).toMatch(/must not contain consecutive hyphens/);
    expect(portErrors({ port: '-http' })[0]).toMatch(/must not begin or end with a hyphen/);
    expect(portErrors({ port: 'http-' })[0]).toMatch(/must not begin or end with a hyphen/);
    expect(portErrors({ port: '8080-8090' })[0]).toMatch(/must contain at least one letter/);
  });

  test('the string "80" is rejected: numeric ports must be numbers', () => {
    expect(portErrors({ port: '80' })).toEqual([
      'spec.ingress[0].ports[0].port: Invalid value: "80": must contain at least one letter (a-z). Did you mean the number 80? (numeric ports must not be quoted)',
    ]);
  });

  test('endPort: 1..65535 and at least port', () => {
    expect(portErrors({ port: 8000, endPort: 8000 }, { port: 1, endPort: 65535 })).toEqual([]);
    expect(portErrors({ port: 8080 }, { port: 90, endPort: 80 })).toEqual([
      'spec.ingress[0].ports[1].endPort: Invalid value: 80: must be greater than or equal to `port`',
    ]);
    expect(portErrors({ port: 80, endPort: 65536 })).toEqual([
      'spec.ingress[0].ports[0].endPort: Invalid value: 65536: must be between 1 and 65535, inclusive',
    ]);
    expect(portErrors({ port: 80, endPort: '90' })).toEqual(['spec.ingress[0].ports[0].endPort: Invalid value: "90": must be an integer']);
  });

  test('endPort with a named port, or without a port, is rejected', () => {
    expect(portErrors({ port: 'http', endPort: 90 })).toEqual([
      'spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric',
    ]);
    expect(portErrors({ protocol: 'TCP', endPort: 90 })).toEqual([
      'spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is not specified',
    ]);
  });

  test('egress ports are validated the same way', () => {
    expect(errors(policy({ egress: [{ ports: [{ protocol: 'udp', port: 53 }] }] }))[0]).toMatch(/^spec\.egress\[0\]\.ports\[0\]\.protocol: Unsupported value: "udp"/);
  });
});

describe('peers', () => {
  test('a peer sets at least one of podSelector, namespaceSelector, ipBlock', () => {
    expect(peerErrors({})).toEqual(['spec.ingress[0].from[0]: Required value: must specify a peer']);
    expect(peerErrors(null)).toEqual(['spec.ingress[0].from[0]: Required value: must specify a peer']);
    expect(peerErrors({ podSelector: null })).toEqual(['spec.ingress[0].from[0]: Required value: must specify a peer']);
    expect(errors(policy({ egress: [{ to: [{ podSelector: {} }, {}] }] }))).toEqual(['spec.egress[0].to[1]: Required value: must specify a peer']);
  });

  test('podSelector with namespaceSelector is valid (AND)', () => {
    expect(peerErrors({ podSelector: {}, namespaceSelector: {} })).toEqual([]);
  });

  test('ipBlock cannot be combined with a selector', () => {
    expect(peerErrors({ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} })).toEqual([
      'spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer',
    ]);
    expect(peerErrors({ ipBlock: { cidr: '10.0.0.0/8' }, namespaceSelector: {} })).toHaveLength(1);
  });
});

describe('ipBlock', () => {
  const cidrErrors = (cidr: any, except?: any) => peerErrors({ ipBlock: except === undefined ? { cidr } : { cidr, except } });

  test('cidr is required', () => {
    expect(peerErrors({ ipBlock: {} })).toEqual(['spec.ingress[0].from[0].ipBlock.cidr: Required value']);
    expect(cidrErrors('')).toEqual(['spec.ingress[0].from[0].ipBlock.cidr: Required value']);
  });

  test('canonical IPv4 and IPv6 CIDRs are valid', () => {
    expect(cidrErrors('0.0.0.0/0')).toEqual([]);
    expect(cidrErrors('10.0.0.0/8')).toEqual([]);
    expect(cidrErrors('192.168.1.7/32')).toEqual([]);
    expect(cidrErrors('::/0')).toEqual([]);
    expect(cidrErrors('2001:db8::/64')).toEqual([]);
    expect(cidrErrors('2001:DB8::/64')).toEqual([]); // not canonical, but valid for this legacy field
  });

  test('a bare IP is rejected, with a fix', () => {
    expect(cidrErrors('10.0.0.1')).toEqual([
      'spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.1": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64). Did you mean "10.0.0.1/32"?',
    ]);
    expect(cidrErrors('not-a-cidr')[0]).toMatch(/Invalid value: "not-a-cidr": must be a valid CIDR value/);
    expect(cidrErrors('10.0.0.0/33')[0]).toMatch(/must be a valid CIDR value/);
    expect(cidrErrors(10)[0]).toMatch(/ipBlock\.cidr: Invalid value: 10: must be a string/);
  });

  test('strict: no bits beyond the prefix, no leading zeros, no IPv4-mapped IPv6', () => {
    expect(cidrErrors('10.0.0.5/8')).toEqual([
      'spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.5/8": must not have bits set beyond the prefix length. Did you mean "10.0.0.0/8"?',
    ]);
    expect(cidrErrors('010.0.0.0/8')[0]).toMatch(/must not have leading 0s in IP or prefix length\. Did you mean "10\.0\.0\.0\/8"\?/);
    expect(cidrErrors('10.0.0.0/08')[0]).toMatch(/must not have leading 0s/);
    expect(cidrErrors('::ffff:10.0.0.0/104')[0]).toMatch(/must not have an IPv4-mapped IPv6 address\. Did you mean "10\.0\.0\.0\/8"\?/);
  });

  test('every except entry is a strict subset of cidr', () => {
    expect(cidrErrors('10.0.0.0/8', ['10.1.0.0/16'])).toEqual([]);
    expect(cidrErrors('10.0.0.0/8', ['10.0.0.0/8'])).toEqual([
      'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.0.0.0/8": must be a strict subset of `cidr` "10.0.0.0/8": it covers all of it',
    ]);
    expect(cidrErrors('10.0.0.0/8', ['10.0.0.0/7'])[0]).toMatch(/must be a strict subset of `cidr`/);
    expect(cidrErrors('10.0.0.0/8', ['11.0.0.0/16'])).toEqual([
      'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "11.0.0.0/16": must be a strict subset of `cidr` "10.0.0.0/8"',
    ]);
    expect(cidrErrors('0.0.0.0/0', ['::/1'])).toEqual([
      'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "::/1": must be a strict subset of `cidr`: "0.0.0.0/0" is IPv4, this is IPv6',
    ]);
    expect(cidrErrors('2001:db8::/32', ['2001:db8:1::/48', '2001:db9::/48'])).toEqual([
      'spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: "2001:db9::/48": must be a strict subset of `cidr` "2001:db8::/32"',
    ]);
  });

  test('except entries are CIDRs, checked strictly', () => {
    expect(cidrErrors('10.0.0.0/8', ['10.1.1.1'])[0]).toMatch(/except\[0\]: Invalid value: "10\.1\.1\.1": must be a valid CIDR value.*Did you mean "10\.1\.1\.1\/32"/);
    expect(cidrErrors('10.0.0.0/8', ['10.1.0.1/16'])[0]).toMatch(/except\[0\].*must not have bits set beyond the prefix length/);
  });

  test('a non-canonical but parseable cidr still has its except entries checked (as upstream)', () => {
    expect(cidrErrors('10.0.0.5/8', ['11.0.0.0/16'])).toHaveLength(2);
  });
});

describe('policyTypes', () => {
  test('Ingress and Egress are the only values, case-sensitive', () => {
    expect(errors(policy({ policyTypes: ['Ingress'] }))).toEqual([]);
    expect(errors(policy({ policyTypes: ['Egress', 'Ingress'] }))).toEqual([]);
    expect(errors(policy({ policyTypes: ['ingress'] }))).toEqual([
      'spec.policyTypes[0]: Unsupported value: "ingress": supported values: "Ingress", "Egress". Did you mean "Ingress"?',
    ]);
    expect(errors(policy({ policyTypes: ['Both'] }))).toEqual(['spec.policyTypes[0]: Unsupported value: "Both": supported values: "Ingress", "Egress"']);
  });

  test('at most two entries', () => {
    expect(errors(policy({ policyTypes: ['Ingress', 'Egress', 'Ingress'] }))).toEqual([
      'spec.policyTypes: Invalid value: ["Ingress","Egress","Ingress"]: may not specify more than two policyTypes',
    ]);
  });
});

describe('strict decoding', () => {
  test('an unknown field is reported with the field it probably meant', () => {
    expect(errors(policy({ ingress: [{ form: [{ podSelector: {} }] }] }))).toEqual([
      'spec.ingress[0].form: Unknown field: did you mean "from"?',
    ]);
    expect(errors(policy({ podselector: {} }))).toEqual(['spec.podselector: Unknown field: did you mean "podSelector"?']);
  });

  test('`to` in an ingress rule and `from` in an egress rule are named as such', () => {
    expect(errors(policy({ ingress: [{ to: [{ podSelector: {} }] }] }))).toEqual([
      'spec.ingress[0].to: Unknown field: an ingress rule has `from`, not `to`',
    ]);
    expect(errors(policy({ egress: [{ from: [{ podSelector: {} }] }] }))).toEqual([
      'spec.egress[0].from: Unknown field: an egress rule has `to`, not `from`',
    ]);
    expect(errors(policy({ from: [] }))[0]).toMatch(/^spec\.from: Unknown field: not a field of spec: `from` belongs in a rule/);
  });

  test('values of the wrong type', () => {
    expect(errors(policy({ ingress: { from: [] } }))).toEqual(['spec.ingress: Invalid value: {"from":[]}: must be a list, not an object']);
    expect(errors(policy({ podSelector: 'app=web' }))).toEqual(['spec.podSelector: Invalid value: "app=web": must be an object, not a string']);
    expect(errors(policy({ policyTypes: 'Ingress' }))).toEqual(['spec.policyTypes: Invalid value: "Ingress": must be a list, not a string']);
  });
});

describe('defaulting', () => {
  test('ports without a protocol get TCP', () => {
    const obj = policy({ ingress: [{ ports: [{ port: 80 }, { protocol: 'UDP', port: 53 }, {}, null] }] });
    const d = defaultNetworkPolicy(obj);
    expect(d.spec.ingress[0].ports).toEqual([{ port: 80, protocol: 'TCP' }, { protocol: 'UDP', port: 53 }, { protocol: 'TCP' }, { protocol: 'TCP' }]);
    expect(obj.spec.ingress[0].ports[0]).toEqual({ port: 80 }); // the input is unchanged
  });

  test('empty policyTypes becomes Ingress, plus Egress only when egress has a rule', () => {
    expect(defaultNetworkPolicy(policy({})).spec.policyTypes).toEqual(['Ingress']);
    expect(defaultNetworkPolicy(policy({ egress: [] })).spec.policyTypes).toEqual(['Ingress']);
    expect(defaultNetworkPolicy(policy({ egress: [{}] })).spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(defaultNetworkPolicy(policy({ policyTypes: [] })).spec.policyTypes).toEqual(['Ingress']);
    expect(defaultNetworkPolicy(policy({ policyTypes: ['Egress'] })).spec.policyTypes).toEqual(['Egress']);
    expect(defaultNetworkPolicy({ metadata: { name: 'x' } }).spec.policyTypes).toEqual(['Ingress']);
  });

  test('effectivePolicyTypes reads the defaulted types without copying', () => {
    expect(effectivePolicyTypes(policy({ egress: [] }))).toEqual({ ingress: true, egress: false });
    expect(effectivePolicyTypes(policy({ egress: [{}] }))).toEqual({ ingress: true, egress: true });
    expect(effectivePolicyTypes(policy({ policyTypes: ['Egress'] }))).toEqual({ ingress: false, egress: true });
  });
});
