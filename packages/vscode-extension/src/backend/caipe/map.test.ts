import { describe, expect, it } from "vitest";
import { toGroups, toSkill } from "./map.ts";

describe("CAIPE's catalog as skill groups", () => {
  it("makes a group of each loaded source and names the hubs that could not be read", () => {
    expect(toGroups(["default", "agent_skills", "hub"], ["hub:platform", "hub:sre"])).toEqual([
      { id: "default", label: "Packaged templates", kind: "category" },
      { id: "agent_skills", label: "Skill configs", kind: "category" },
      { id: "hub", label: "Hub skills", kind: "category", detail: "unavailable: platform, sre" },
    ]);
    expect(toGroups(["default"], ["hub:platform"]).map((g) => g.id)).toEqual(["default", "hub"]);
  });

  it("keeps a hub skill read-only and shows an unscanned one as such", () => {
    const skill = toSkill({
      id: "hub-1",
      name: "runbook",
      description: "",
      source: "hub",
      source_id: "platform",
      content: null,
      metadata: {},
      scan_status: "unscanned",
      runnable: true,
    });
    expect(skill).toEqual({
      groupId: "hub",
      path: "hub-1",
      name: "runbook",
      description: null,
      enabled: true,
      scan: { status: "unscanned" },
      readOnly: true,
    });
  });
});
