/**
 * @module
 * The order routes are added in. The router tries routes in the order they were added, so of two templates
 * that can match the same path the more specific must come first: `/mcp/all-tools` before `/mcp/{name}`,
 * whatever order the contract lists them in.
 */
import type { Contract, Resource } from "@agentlane/sdk/contract";

/** How specific a segment is: a literal before a parameter, a parameter before one that spans slashes. */
function segmentRank(segment: string): number {
  if (!segment.startsWith("{")) return 0;
  return segment.endsWith("+}") ? 2 : 1;
}

/** Orders path templates so that the more specific of two overlapping ones comes first. */
export function compareTemplates(a: string, b: string): number {
  const as = a.split("/");
  const bs = b.split("/");
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const difference = segmentRank(as[i]!) - segmentRank(bs[i]!);
    if (difference !== 0) return difference;
  }
  // Past a `{name+}`, the longer template must come first or the greedy one would swallow it; doing so
  // always (not only after a greedy segment) keeps this a consistent order for sort().
  return bs.length - as.length;
}

/** The contract's endpoints as one-endpoint resources, in the order their routes must be added. */
export function inRouteOrder(contract: Contract): [string, Resource][] {
  const entries = Object.entries(contract).flatMap(([resourceName, resource]) =>
    Object.entries(resource).map(([name, ep]) => ({ resourceName, name, ep })),
  );
  entries.sort((a, b) => compareTemplates(a.ep.spec.path, b.ep.spec.path));
  return entries.map(({ resourceName, name, ep }) => [resourceName, { [name]: ep }]);
}
