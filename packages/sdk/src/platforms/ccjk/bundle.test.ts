import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { browserBundle } from "../../../test/browser-bundle.ts";

// The client ships a generated route table, not the contract: a browser bundle must carry neither zod nor a
// schema module. (Response validation stays available by importing the contract explicitly.)
it("bundles the CCJK Cloud client for the browser without zod or the contract", async () => {
  const { allInputs: inputs } = await browserBundle(fileURLToPath(new URL("./index.ts", import.meta.url)));
  expect(inputs.filter((path) => path.includes("/zod/"))).toEqual([]);
  expect(inputs.filter((path) => path.includes("/ccjk/contract/") && !path.endsWith("errors.ts"))).toEqual([]);
  expect(inputs.some((path) => path.endsWith("routes.generated.ts"))).toBe(true);
});
