import { describe, expect, it } from "vitest";
import { normalizeLockPath } from "./lock-paths.ts";

const inProject = (path: string) => normalizeLockPath(path, "/srv/app/");

describe("normalizeLockPath", () => {
  it("gives every spelling of a project file one path", () => {
    for (const spelling of [
      "src/a.ts",
      "./src/a.ts",
      "src//a.ts",
      ".//src/./a.ts",
      "src/lib/../a.ts",
      "/srv/app/src/a.ts",
    ]) {
      expect(inProject(spelling)).toEqual({ path: "src/a.ts" });
    }
    expect(inProject("src/")).toEqual({ path: "src" });
    expect(inProject("a\\b.ts")).toEqual({ path: "a\\b.ts" });
  });

  it("refuses paths outside the project or naming its root", () => {
    expect(inProject("../etc/passwd").error).toMatch(/inside the project/);
    expect(inProject("src/../../x").error).toMatch(/inside the project/);
    expect(inProject("/etc/passwd").error).toMatch(/inside the project \(\/srv\/app\/\)/);
    expect(inProject("/srv/application/a.ts").error).toMatch(/inside the project/);
    expect(inProject("/srv/app/../other/a.ts").error).toMatch(/inside the project/);
    expect(inProject("./").error).toMatch(/name a file/);
    expect(inProject("/srv/app").error).toMatch(/name a file/);
    expect(normalizeLockPath("/home/a.ts", "~/app").error).toMatch(/inside the project/);
  });
});
