/**
 * `List` objects (`kind: List`, and the typed `NetworkPolicyList`, `PodList`, ... that
 * `kubectl get -o yaml` writes): what makes one, and its items as objects of their own.
 */

/** `List`, `NetworkPolicyList`, `PodList`...: an object whose `items` are objects. */
export function isListKind(obj: any): boolean {
  return typeof obj?.kind === 'string' && obj.kind.endsWith('List') && (Array.isArray(obj.items) || obj.items === undefined || obj.items === null);
}

/**
 * One item of a list. Items of a typed list (`NetworkPolicyList`) as the API returns them have no
 * `kind` or `apiVersion`: they get the list's.
 */
export function listItem(list: any, item: any): any {
  if (typeof item !== 'object' || item === null || Array.isArray(item) || list.kind === 'List') return item;
  const kind = item.kind ?? list.kind.slice(0, -'List'.length);
  const apiVersion = item.apiVersion ?? list.apiVersion;
  return { apiVersion, kind, ...item };
}
