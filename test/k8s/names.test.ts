import { dnsLabelError, dnsSubdomainError, ianaServiceNameError, labelKeyError, labelValueError, portNumberError } from '../../src/k8s';

describe('API-server name and label rules (SEMANTICS.md section 2)', () => {
  test.each(['default-deny', 'a', 'allow.frontend.v1', '0abc', 'a'.repeat(253)])('policy name %j is valid', (n) => {
    expect(dnsSubdomainError(n)).toBeUndefined();
  });
  test.each(['', 'Default', '-a', 'a-', 'a_b', 'a..b', 'a'.repeat(254)])('policy name %j is invalid', (n) => {
    expect(dnsSubdomainError(n)).toBeDefined();
  });

  test.each(['shop', 'kube-system', 'a1', 'a'.repeat(63)])('namespace %j is valid', (n) => {
    expect(dnsLabelError(n)).toBeUndefined();
  });
  test.each(['', 'Shop', 'a.b', '-a', 'a'.repeat(64)])('namespace %j is invalid', (n) => {
    expect(dnsLabelError(n)).toBeDefined();
  });

  test.each(['app', 'k8s-app', 'kubernetes.io/metadata.name', 'example.com/My_Name', 'A.b-c_D', 'a'.repeat(63)])('label key %j is valid', (k) => {
    expect(labelKeyError(k)).toBeUndefined();
  });
  test.each([
    ['', /must not be empty/],
    ['/app', /prefix part must be non-empty/],
    ['example.com/', /name part must be non-empty/],
    ['Example.com/app', /prefix part/],
    ['a/b/c', /qualified name/],
    ['-app', /name part must consist/],
    ['bad key!', /name part must consist/],
    ['a'.repeat(64), /no more than 63/],
  ])('label key %j is invalid', (k, message) => {
    expect(labelKeyError(k)).toMatch(message);
  });

  test.each(['', 'frontend', 'v1.2_3-x', 'A', 'a'.repeat(63)])('label value %j is valid', (v) => {
    expect(labelValueError(v)).toBeUndefined();
  });
  test.each(['-x', 'x-', 'a b', 'a/b', 'a'.repeat(64)])('label value %j is invalid', (v) => {
    expect(labelValueError(v)).toBeDefined();
  });

  test.each([1, 80, 65535])('port %d is valid', (p) => expect(portNumberError(p)).toBeUndefined());
  test.each([0, -1, 65536, 80.5, NaN])('port %d is invalid', (p) => expect(portNumberError(p)).toBeDefined());

  test.each(['http', 'serve-80-tcp', 'a', 'h2c', 'a'.repeat(15)])('port name %j is valid', (n) => {
    expect(ianaServiceNameError(n)).toBeUndefined();
  });
  test.each([
    ['80', /at least one letter/],
    ['HTTP', /only alpha-numeric/],
    ['a--b', /consecutive hyphens/],
    ['-http', /begin or end with a hyphen/],
    ['http-', /begin or end with a hyphen/],
    ['a'.repeat(16), /no more than 15/],
    ['', /must not be empty/],
  ])('port name %j is invalid', (n, message) => {
    expect(ianaServiceNameError(n)).toMatch(message);
  });
});
