import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { browserBundle } from "../../../test/browser-bundle.ts";

const entry = fileURLToPath(new URL("./index.ts", import.meta.url));

// The client ships a generated route table, not the contract: a browser bundle must carry neither zod nor a
// schema module. (Response validation stays available by importing the contract explicitly.)
it("bundles the ClaudeNest client for the browser without zod or the contract", async () => {
  const { allInputs } = await browserBundle(entry);
  expect(allInputs.filter((path) => path.includes("/zod/"))).toEqual([]);
  expect(allInputs.filter((path) => path.includes("/claudenest/contract/") && !path.endsWith("errors.ts"))).toEqual([]);
  expect(allInputs.some((path) => path.endsWith("routes.generated.ts"))).toBe(true);
});

// The size budget of `import { ClaudeNest } from "@agentlane/sdk/claudenest"`. The retry loop (ky) and the
// reconnecting WebSocket load on first need, in chunks of their own.
it("keeps the ClaudeNest client's entry chunk within 15 KB gzipped, with ky and partysocket loaded on demand", async () => {
  const { entryInputs, allInputs, entryGzip } = await browserBundle(entry, ["ClaudeNest"]);
  expect(entryInputs.filter((path) => /\/(ky|partysocket)@/.test(path))).toEqual([]);
  expect(allInputs.some((path) => path.includes("/ky@"))).toBe(true);
  expect(entryGzip).toBeLessThanOrEqual(15 * 1024);
});
