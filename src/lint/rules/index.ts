/** The rule pack: every rule, in id order. */
import { LintRule } from '../rule';
import { NP001 } from './np001-ingress-not-isolated';
import { NP002 } from './np002-egress-not-isolated';
import { NP003 } from './np003-egress-without-dns';
import { NP004 } from './np004-policy-selects-nothing';
import { NP005 } from './np005-peer-matches-nothing';
import { NP006 } from './np006-named-port-unresolved';
import { NP007 } from './np007-metadata-reachable';
import { NP008 } from './np008-split-namespace-pod-selector';
import { NP009 } from './np009-host-network';
import { NP010 } from './np010-policy-types-defaulted';
import { NP011 } from './np011-duplicate-policy-name';
import { NP012 } from './np012-ingress-from-anywhere';
import { NP013 } from './np013-half-open-connection';
import { NP014 } from './np014-unanalyzed-policy';
import { NP015 } from './np015-same-priority-overlap';
import { NP016 } from './np016-admin-accept-everything';
import { NP017 } from './np017-cluster-deny-without-dns';
import { NP018 } from './np018-deny-network-cuts-pods';
import { NP019 } from './np019-shadowed-by-admin-deny';
import { NP020 } from './np020-domain-without-dns';
import { NP021 } from './np021-beyond-v1alpha2-limits';
import { NP022 } from './np022-cluster-policy-selects-nothing';

export const RULES: readonly LintRule[] = [
  NP001, NP002, NP003, NP004, NP005, NP006, NP007, NP008, NP009, NP010, NP011, NP012, NP013, NP014,
  NP015, NP016, NP017, NP018, NP019, NP020, NP021, NP022,
];
