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
