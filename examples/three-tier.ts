// Reproduces seed 001 ("Kubernetes Network Policies", three-tier scenario):
// - pods `role: frontend` in namespace `frontend` may reach the backend pods on port 80;
// - pods `role: backend` in namespace `backend` may reach the database pod on port 3306;
// - no other pod in the cluster can talk to these pods, and they can't reach anywhere outside.
// DNS stays allowed (DefaultDeny keeps it), so the pods can still resolve service names.
//
// Every connection needs BOTH sides: egress on the source and ingress on the destination.
// With AllowFrom / AllowTo that is two sentences per connection (the `Firewall` construct
// writes both sides at once: see three-tier-firewall.ts, the same scenario in three sentences).
import { App, Chart } from 'cdk8s';
import { AllowFrom, AllowTo, DefaultDeny, Peer, PodSelector, Port } from '../src';

/** The pods of one tier: `role=<tier>` in namespace `<tier>`. */
function tier(name: string): Peer {
  return Peer.pods({ labels: { role: name }, namespace: name });
}

/**
 * Builds the three charts (one per namespace) into `app`.
 */
export function threeTier(app: App): Chart[] {
  // frontend: nothing gets in; it may only call the backend on 80 (and DNS)
  const frontend = new Chart(app, 'frontend', { namespace: 'frontend' });
  new DefaultDeny(frontend, 'default-deny');
  new AllowTo(frontend, 'frontend-to-backend', {
    selector: PodSelector.labels({ role: 'frontend' }),
    to: [tier('backend')],
    ports: [Port.HTTP],
  });

  // backend: only the frontend gets in, on 80; it may only call the database on 3306 (and DNS)
  const backend = new Chart(app, 'backend', { namespace: 'backend' });
  new DefaultDeny(backend, 'default-deny');
  new AllowFrom(backend, 'backend-from-frontend', {
    selector: PodSelector.labels({ role: 'backend' }),
    from: [tier('frontend')],
    ports: [Port.HTTP],
  });
  new AllowTo(backend, 'backend-to-database', {
    selector: PodSelector.labels({ role: 'backend' }),
    to: [tier('database')],
    ports: [Port.MYSQL],
  });

  // database: only the backend gets in, on 3306; it calls nobody (but DNS)
  const database = new Chart(app, 'database', { namespace: 'database' });
  new DefaultDeny(database, 'default-deny');
  new AllowFrom(database, 'database-from-backend', {
    selector: PodSelector.labels({ role: 'database' }),
    from: [tier('backend')],
    ports: [Port.MYSQL],
  });

  return [frontend, backend, database];
}
