import { describe, expect, it } from "vitest";
import type { EndpointSpec } from "../contract/endpoint.ts";
import { pathParams } from "../contract/path.ts";
import { DiscoveredIds, singular } from "./discovery.ts";

const spec = (path: string, extra: Partial<EndpointSpec> = {}) => ({ method: "GET", path, ...extra }) as EndpointSpec;
const param = (path: string, index = 0) => pathParams(path)[index]!;

describe("singular", () => {
  it("makes the nouns lists go by singular", () => {
    expect(["tasks", "policies", "mcp", "statuses", "access"].map(singular)).toEqual([
      "task",
      "policy",
      "mcp",
      "status",
      "access",
    ]);
  });
});

describe("DiscoveredIds", () => {
  it("follows a parameter's name, the word before it, or a profile's override", () => {
    const ids = new DiscoveredIds();
    ids.record("machines", spec("/machines", { paginated: true }), [{ id: "m1" }]);
    ids.record("skills", spec("/machines/{machine}/skills"), { skills: [{ path: "a/b.md", name: "b" }] });
    ids.record("admin", spec("/admin/users", { items: "users" }), { users: [{ id: 7 }], total: 1 });

    const sessions = spec("/machines/{machine}/sessions");
    expect(ids.resolve("sessions", sessions, param(sessions.path))).toBe("m1");
    const skill = spec("/machines/{machine}/skills/{path+}");
    expect(ids.resolve("skills", skill, param(skill.path, 1))).toBe("a/b.md");
    const user = spec("/admin/users/{user_id}");
    expect(ids.resolve("admin", user, param(user.path))).toBe("7");
    const task = spec("/tasks/{id}");
    expect(ids.resolve("tasks", task, param(task.path))).toBeUndefined();
    expect(ids.describe("tasks", task, param(task.path))).toBe("task.id");
    expect(ids.resolve("tasks", task, param(task.path), "skill.name")).toBe("b");
  });
});
