import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { LintInput } from './context';

/** The API objects under a construct, rendered, with their construct paths. */
export function apiObjectsOf(scope: IConstruct): LintInput[] {
  return scope.node.findAll()
    .filter((c): c is ApiObject => ApiObject.isApiObject(c))
    .map((o) => ({ object: o.toJson(), constructPath: o.node.path }));
}
