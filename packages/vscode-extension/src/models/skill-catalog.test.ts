import { describe, expect, it } from "vitest";
import type { SkillItem } from "../backend/types.ts";
import { SkillCatalog } from "./skill-catalog.ts";
import { skillPathFromFile } from "./skill-path.ts";

const skill = (groupId: string, path: string, extra: Partial<SkillItem> = {}): SkillItem => ({
  groupId,
  path,
  name: path.split("/").pop()!,
  description: null,
  enabled: true,
  priority: 0,
  ...extra,
});

function catalog() {
  const c = new SkillCatalog();
  c.setGroups([
    { id: "m1", label: "Laptop", kind: "machine", detail: "online" },
    { id: "m2", label: "Server", kind: "machine", detail: "offline" },
  ]);
  c.setSkills("m1", [skill("m1", "debugging", { description: "bisect it" }), skill("m1", "team/review")]);
  c.setSkills("m2", [skill("m2", "deploy", { enabled: false })]);
  return c;
}

describe("SkillCatalog", () => {
  it("groups skills by machine and shows the enabled state", () => {
    const c = catalog();
    const [laptop, server] = c.children();
    expect(c.present(laptop!)).toMatchObject({ label: "Laptop", description: "online · 2 skills", icon: "vm" });
    const deploy = c.children(server)[0]!;
    expect(c.present(deploy)).toMatchObject({
      label: "deploy",
      contextValue: "skill:disabled",
      icon: "circle-slash",
      command: "agentlane.skills.open",
    });
    expect(c.present(deploy).description).toContain("disabled");
  });

  it("filters by name, path or description, hiding groups without a match", () => {
    const c = catalog();
    c.filter = "  BISECT ";
    const groups = c.children();
    expect(groups.map((node) => c.present(node).label)).toEqual(["Laptop"]);
    expect(c.children(groups[0]).map((node) => c.present(node).label)).toEqual(["debugging"]);
    expect(c.present(groups[0]!).description).toBe("online · 1/2 skills");
    c.filter = "";
    expect(c.children()).toHaveLength(2);
  });

  it("keeps group nodes across reloads and forgets removed groups", () => {
    const c = catalog();
    const [laptop] = c.children();
    c.setGroups([{ id: "m1", label: "Laptop (renamed)", kind: "machine" }]);
    expect(c.children()[0]).toBe(laptop);
    expect(c.present(laptop!).label).toBe("Laptop (renamed)");
    expect(c.isLoaded("m2")).toBe(false);
    expect(c.skill("m1", "team/review")?.name).toBe("review");
  });
});

describe("skillPathFromFile", () => {
  it("proposes a path from a file name", () => {
    expect(skillPathFromFile("/home/me/notes/Code Review.md")).toBe("code-review");
    expect(skillPathFromFile("C:\\x\\debugging.txt")).toBe("debugging");
    expect(skillPathFromFile(".md")).toBe("skill");
  });
});
