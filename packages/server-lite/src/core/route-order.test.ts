import { endpoint } from "@agentlane/sdk/contract";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compareTemplates, inRouteOrder } from "./route-order.ts";

const get = (path: string) => endpoint({ method: "GET", path, summary: path, auth: "none", response: z.null() });

describe("route order", () => {
  it("puts literal segments before parameters, and parameters before greedy ones", () => {
    const templates = [
      "/m/{machine}/mcp/{name}",
      "/m/{machine}/skills/{path+}",
      "/m/{machine}/mcp/all-tools",
      "/m/{machine}/skills/{path+}/toggle",
      "/m/{machine}/skills/bulk",
    ];
    expect([...templates].sort(compareTemplates)).toEqual([
      "/m/{machine}/mcp/all-tools",
      "/m/{machine}/skills/bulk",
      "/m/{machine}/mcp/{name}",
      "/m/{machine}/skills/{path+}/toggle",
      "/m/{machine}/skills/{path+}",
    ]);
  });

  it("lists every endpoint once, under its own resource and name", () => {
    const contract = {
      servers: { get: get("/mcp/{name}"), list: get("/mcp") },
      aggregate: { allTools: get("/mcp/all-tools") },
    };
    expect(inRouteOrder(contract).map(([resource, endpoints]) => [resource, Object.keys(endpoints)])).toEqual([
      ["aggregate", ["allTools"]],
      ["servers", ["get"]],
      ["servers", ["list"]],
    ]);
  });
});
