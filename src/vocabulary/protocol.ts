/**
 * A transport protocol that NetworkPolicy can filter on.
 *
 * The values are exactly what the Kubernetes API accepts (it is case-sensitive: `tcp` is rejected).
 */
export enum Protocol {
  /** Transmission Control Protocol. */
  TCP = 'TCP',
  /** User Datagram Protocol. */
  UDP = 'UDP',
  /** Stream Control Transmission Protocol. */
  SCTP = 'SCTP',
}

/**
 * The direction(s) of traffic a policy controls, seen from the selected pods.
 */
export enum Direction {
  /** Traffic arriving at the selected pods. */
  INGRESS = 'Ingress',
  /** Traffic leaving the selected pods. */
  EGRESS = 'Egress',
  /** Both directions. */
  BOTH = 'Both',
}
