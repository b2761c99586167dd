/** validate-workload.ts: what the API server rejects in the fields of workloads the analysis reads. */
import { formatPolicyError, validateWorkload } from '../../src/k8s';

const errorsOf = (obj: unknown) => validateWorkload(obj).map(formatPolicyError);
const deployment = (meta: Record<string, unknown>, template: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta, spec: { template },
});

describe('validateWorkload', () => {
  test('valid objects of every kind read have no error', () => {
    expect(errorsOf({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'a' } } })).toEqual([]);
    expect(errorsOf(deployment({ name: 'web.v2', namespace: 'shop' }, {
      metadata: { labels: { 'app.kubernetes.io/name': 'web' } },
      spec: { hostNetwork: false, containers: [{ name: 'c', ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }] }] },
    }))).toEqual([]);
    expect(errorsOf({ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'job-' }, spec: {}, status: { podIP: '10.0.0.1' } })).toEqual([]);
    expect(errorsOf({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c'.repeat(52) }, spec: { jobTemplate: { spec: { template: {} } } } })).toEqual([]);
  });

  test.each([
    ['no name', deployment({}), 'metadata.name: Required value: name or generateName is required'],
    ['a name that is a number', deployment({ name: 8 }), 'metadata.name: Invalid value: 8: must be a string, not a number'],
    ['an upper-case name', deployment({ name: 'Web' }), 'metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\')'],
    ['a namespace with a dot', deployment({ name: 'w', namespace: 'a.b' }), 'metadata.namespace: Invalid value: "a.b": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\', or \'123-abc\')'],
    ['a generateName ending in a dot', deployment({ generateName: 'a.' }), 'metadata.generateName: Invalid value: "a.": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\')'],
    ['a Job name over 63 characters', { kind: 'Job', metadata: { name: 'j'.repeat(64) } }, 'metadata.name: Invalid value: "' + 'j'.repeat(64) + '": must be no more than 63 characters'],
    ['a label key with a space', deployment({ name: 'w', labels: { 'a b': 'x' } }), 'metadata.labels: Invalid value: "a b": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\', or \'my.name\', or \'123-abc\')'],
    ['a template label value that is a boolean', deployment({ name: 'w' }, { metadata: { labels: { on: true } } }), 'spec.template.metadata.labels[on]: Invalid value: true: must be a string, not a boolean (quote it in YAML: "true")'],
    ['a containerPort of 0', deployment({ name: 'w' }, { spec: { containers: [{ ports: [{ containerPort: 0 }] }] } }), 'spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 0: must be between 1 and 65535, inclusive'],
    ['a port without containerPort', deployment({ name: 'w' }, { spec: { initContainers: [{ ports: [{ name: 'http' }] }] } }), 'spec.template.spec.initContainers[0].ports[0].containerPort: Required value'],
    ['hostNetwork as a string', deployment({ name: 'w' }, { spec: { hostNetwork: 'true' } }), 'spec.template.spec.hostNetwork: Invalid value: "true": must be a boolean, not a string'],
    ['a pod IP that is not one', { kind: 'Pod', metadata: { name: 'p' }, status: { podIP: '10.0.0.256' } }, 'status.podIP: Invalid value: "10.0.0.256": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
    ['a Node name with a newline', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n\n1' } }, 'metadata.name: Invalid value: "n\\n1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\')'],
    ['metadata that is a list', { kind: 'Pod', metadata: [] }, 'metadata: Invalid value: []: must be an object, not a list'],
  ])('%s', (_, obj, expected) => {
    expect(errorsOf(obj)).toEqual([expected]);
  });

  test('never throws, whatever the input', () => {
    for (const v of [null, 1, 'x', [], { kind: 'Pod', metadata: { name: 'p' }, spec: 3 }, { kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: 'x' } }]) {
      expect(() => validateWorkload(v)).not.toThrow();
    }
  });
});
