/**
 * Cluster-tier benchmark: the engine benchmark's generated cluster (bench/cluster.ts), answered
 * for every ordered pair through `Analysis.forEachPair`, once as generated and once with N
 * cluster policies added (ClusterNetworkPolicy v1alpha2 in both tiers, AdminNetworkPolicy and one
 * BaselineAdminNetworkPolicy v1alpha1), shaped like a platform team's guard rails: per-team
 * subjects, namespace and pod peers, `networks` peers (metadata address, partner ranges, the
 * internet), named ports, Pass to the teams' NetworkPolicies. The target: the cluster policies
 * cost at most 2x the time without them (SEMANTICS.md 7.5: they are folded into the classes).
 *
 * Run alone (prints one JSON line):
 *   node --expose-gc -r ts-node/register/transpile-only bench/cluster-tiers.ts [WORKLOADS=5000] [CLUSTER_POLICIES=100] [REPEATS=3]
 * with TS_NODE_PROJECT=test/tsconfig.json, as `npm run bench` runs its children.
 */
import { generateCluster } from './cluster';
import { Analysis, Inventory } from '../src/engine';
import { formatPolicyError, validateNetworkPolicy } from '../src/k8s';

export interface TierRun {
  /** ordered pairs answered (workloads, and the outside ranges) */
  readonly pairs: number;
  readonly buildMs: number;
  readonly pairsMs: number;
  readonly totalMs: number;
  /** build + pairs of every run, first one cold */
  readonly runsMs: number[];
  readonly allowedPairs: number;
  readonly distinctConnSets: number;
}

export interface ClusterTiersResult {
  readonly workloads: number;
  readonly namespaces: number;
  readonly policies: number;
  readonly clusterPolicies: number;
  /** the median run of each variant (the cluster policies' CIDRs may cut the outside into more ranges: more pairs) */
  readonly without: TierRun;
  readonly with: TierRun;
  /** with / without, total time */
  readonly ratio: number;
  /** the target: ratio <= 2 */
  readonly met: boolean;
}

const TEAMS = 20;
const TARGET_RATIO = 2;

const nsLabel = (key: string, value: string) => ({ matchLabels: { [key]: value } });
const tcp = (port: number) => ({ tcp: { destinationPort: { number: port } } });

/** `count` cluster policies for a generated cluster: five shapes in turn, distinct priorities, one BANP. */
export function generateClusterPolicies(count: number): any[] {
  const out: any[] = [];
  for (let k = 0; k < count; k++) {
    const team = `t${k % TEAMS}`;
    const other = `t${(k + 7) % TEAMS}`;
    const name = `guard-${k}`;
    if (k === count - 1) {
      out.push({
        apiVersion: 'policy.networking.k8s.io/v1alpha1',
        kind: 'BaselineAdminNetworkPolicy',
        metadata: { name: 'default' },
        spec: {
          subject: { namespaces: nsLabel('purpose', 'apps') },
          ingress: [{ action: 'Deny', from: [{ namespaces: { matchExpressions: [{ key: 'purpose', operator: 'NotIn', values: ['monitoring', 'ingress'] }] } }] }],
        },
      });
      continue;
    }
    switch (k % 5) {
      case 0:
        out.push({
          apiVersion: 'policy.networking.k8s.io/v1alpha2',
          kind: 'ClusterNetworkPolicy',
          metadata: { name },
          spec: {
            tier: 'Admin',
            priority: k,
            subject: { namespaces: nsLabel('team', team) },
            egress: [
              { action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] },
              {
                action: 'Accept',
                to: [{ pods: { namespaceSelector: nsLabel('kubernetes.io/metadata.name', 'kube-system'), podSelector: nsLabel('k8s-app', 'kube-dns') } }],
                protocols: [{ udp: { destinationPort: { number: 53 } } }, tcp(53)],
              },
              { action: 'Pass', to: [{ namespaces: nsLabel('team', team) }] },
            ],
          },
        });
        break;
      case 1:
        out.push({
          apiVersion: 'policy.networking.k8s.io/v1alpha1',
          kind: 'AdminNetworkPolicy',
          metadata: { name },
          spec: {
            priority: k,
            subject: { pods: { namespaceSelector: { matchLabels: { team, env: 'prod' } }, podSelector: nsLabel('tier', 'data') } },
            ingress: [
              { action: 'Allow', from: [{ namespaces: nsLabel('purpose', 'monitoring') }], ports: [{ namedPort: 'metrics' }] },
              { action: 'Deny', from: [{ pods: { namespaceSelector: nsLabel('env', 'staging'), podSelector: {} } }] },
            ],
          },
        });
        break;
      case 2:
        out.push({
          apiVersion: 'policy.networking.k8s.io/v1alpha2',
          kind: 'ClusterNetworkPolicy',
          metadata: { name },
          spec: {
            tier: 'Admin',
            priority: k,
            subject: { namespaces: nsLabel('team', team) },
            ingress: [
              {
                action: 'Deny',
                from: [{ pods: { namespaceSelector: nsLabel('team', other), podSelector: nsLabel('tier', 'frontend') } }],
                protocols: [tcp(5432), { tcp: { destinationPort: { range: { start: 6379, end: 6380 } } } }],
              },
              { action: 'Pass', from: [{ namespaces: {} }] },
            ],
          },
        });
        break;
      case 3:
        out.push({
          apiVersion: 'policy.networking.k8s.io/v1alpha2',
          kind: 'ClusterNetworkPolicy',
          metadata: { name },
          spec: {
            tier: 'Baseline',
            priority: k,
            subject: { namespaces: nsLabel('team', team) },
            ingress: [
              { action: 'Accept', from: [{ namespaces: nsLabel('team', team) }, { namespaces: nsLabel('purpose', 'ingress') }] },
              { action: 'Deny', from: [{ namespaces: nsLabel('env', 'staging') }] },
            ],
          },
        });
        break;
      default:
        out.push({
          apiVersion: 'policy.networking.k8s.io/v1alpha2',
          kind: 'ClusterNetworkPolicy',
          metadata: { name },
          spec: {
            tier: 'Baseline',
            priority: k,
            subject: { pods: { namespaceSelector: nsLabel('team', team), podSelector: nsLabel('tier', 'backend') } },
            egress: [
              { action: 'Accept', to: [{ networks: [`172.16.${(k % 16) * 16}.0/20`] }], protocols: [tcp(443)] },
              { action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] },
            ],
          },
        });
    }
  }
  return out;
}

function gc(): void {
  const g = (global as any).gc as (() => void) | undefined;
  if (g) g();
}

function median<T>(runs: T[], key: (t: T) => number): T {
  return [...runs].sort((a, b) => key(a) - key(b))[Math.floor((runs.length - 1) / 2)];
}

/** One variant: `repeats` fresh builds and full passes; the median run, and every run's total. */
function measure(manifests: readonly any[], repeats: number): TierRun {
  const runs: { build: number; pairs: number; total: number; allowed: number; count: number; distinct: number }[] = [];
  for (let r = 0; r < repeats; r++) {
    gc();
    const t0 = performance.now();
    const inventory = new Inventory((obj) => validateNetworkPolicy(obj).map(formatPolicyError));
    for (const m of manifests) inventory.addManifest(m);
    const analysis = new Analysis(inventory);
    const t1 = performance.now();
    let count = 0;
    let allowed = 0;
    const seen = new Set<number>();
    analysis.forEachPair((_f, _t, id) => {
      count++;
      if (id !== 0) allowed++;
      seen.add(id);
    });
    const t2 = performance.now();
    runs.push({ build: t1 - t0, pairs: t2 - t1, total: t2 - t0, allowed, count, distinct: seen.size });
  }
  const m = median(runs, (x) => x.total);
  return {
    buildMs: m.build,
    pairsMs: m.pairs,
    totalMs: m.total,
    runsMs: runs.map((x) => Math.round(x.total)),
    allowedPairs: m.allowed,
    distinctConnSets: m.distinct,
    pairs: m.count,
  };
}

/** The generated cluster of about `workloads` workloads, without and with `clusterPolicies` cluster policies. */
export function benchClusterTiers(workloads = 5000, clusterPolicies = 100, repeats = 3): ClusterTiersResult {
  const cluster = generateCluster(workloads);
  const tiers = generateClusterPolicies(clusterPolicies);
  // warm-up: both paths compiled on a small cluster first
  const warm = generateCluster(300).manifests;
  measure(warm, 2);
  measure([...warm, ...tiers], 2);
  const without = measure(cluster.manifests, repeats);
  const withTiers = measure([...cluster.manifests, ...tiers], repeats);
  const ratio = withTiers.totalMs / without.totalMs;
  return {
    workloads: cluster.workloads,
    namespaces: cluster.namespaces,
    policies: cluster.policies,
    clusterPolicies: tiers.length,
    without,
    with: withTiers,
    ratio,
    met: ratio <= TARGET_RATIO,
  };
}

if (require.main === module) {
  const [workloads, policies, repeats] = process.argv.slice(2).map(Number);
  process.stdout.write(JSON.stringify(benchClusterTiers(workloads || 5000, policies || 100, repeats || 3)) + '\n');
}
