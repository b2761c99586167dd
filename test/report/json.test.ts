/** The JSON report: complete (every connection, whatever the size), written piece by piece, the same text as one `jsonText`. */
import { bigModel, shopModel } from './fixtures';
import { generateCluster } from '../../bench/cluster';
import { generateClusterPolicies } from '../../bench/cluster-tiers';
import { buildReport } from '../../src/report/build';
import { renderJson, writeJson } from '../../src/report/json';
import { sortEndpoints } from '../../src/report/report-model';
import { jsonText } from '../../src/text';

describe('the JSON report', () => {
  test('GIVEN 2,000 workloads THEN written in many small pieces, none holding the whole, and every connection is in it', () => {
    const model = bigModel(200, 10);
    const chunks: string[] = [];
    writeJson(model, (c) => chunks.push(c));
    const text = chunks.join('');
    expect(chunks.length).toBeGreaterThan(model.endpoints.length + model.edges.length);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1000);
    const json = JSON.parse(text);
    expect(json.endpoints).toHaveLength(2000);
    expect(json.connections).toHaveLength(model.edges.length);
  });

  test('THEN the text is exactly jsonText of the whole, indented by 2 (shop, empty lists, cluster tiers)', () => {
    const shop = shopModel();
    const whole = (m: any) => jsonText(m, 2) + '\n';
    const parsed = JSON.parse(renderJson(shop));
    const expectedShop = { title: shop.title, endpoints: sortEndpoints(shop.endpoints), connections: parsed.connections, findings: parsed.findings };
    expect(renderJson(shop)).toBe(whole(expectedShop));
    const empty = { title: 'x', endpoints: [], edges: [], findings: [] };
    expect(renderJson(empty)).toBe(whole({ title: 'x', endpoints: [], connections: [], findings: [] }));
    expect(JSON.parse(renderJson(empty))).toEqual({ title: 'x', endpoints: [], connections: [], findings: [] });
  });

  test('GIVEN cluster policies THEN the policies, the decisions and each connection\'s deciding rules are in it', () => {
    const manifests = [...generateCluster(40).manifests, ...generateClusterPolicies(6)];
    const model = buildReport(manifests.map((object) => ({ object })));
    const json = JSON.parse(renderJson(model));
    expect(json.clusterPolicies).toEqual(model.clusterPolicies);
    expect(json.tierDecisions).toEqual(model.tierDecisions);
    expect(json.connections.filter((c: any) => c.decidedBy).length).toBe(model.edges.filter((e) => e.decidedBy).length);
    expect(renderJson(model)).toBe(jsonText({ title: model.title, endpoints: json.endpoints, connections: json.connections, findings: json.findings, clusterPolicies: json.clusterPolicies, tierDecisions: json.tierDecisions }, 2) + '\n');
  });
});
