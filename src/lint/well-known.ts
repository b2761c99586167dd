/**
 * The well-known endpoints of a cluster (SEMANTICS.md sections 5 and 6: cluster DNS, cloud
 * metadata addresses) in the form the rules ask the engine about: metadata addresses parsed (the
 * DNS stand-ins are the engine's, `assumeDnsPods`). The facts themselves are in src/k8s, shared with the constructs.
 */
import { IpAddress, METADATA_ENDPOINTS, parseIp } from '../k8s';

export function metadataIps(): { ip: IpAddress; address: string; provider: string }[] {
  return METADATA_ENDPOINTS.map((m) => ({ ...m, ip: parseIp(m.address)! }));
}
