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

  it("gives a name written with combining accents and with precomposed letters one path (NFC)", () => {
    const composed = "docs/r\u00e9sum\u00e9.md";
    expect(inProject("docs/re\u0301sume\u0301.md")).toEqual({ path: composed });
    expect(inProject(composed)).toEqual({ path: composed });
    expect(normalizeLockPath("/srv/cafe\u0301/a.ts", "/srv/caf\u00e9")).toEqual({ path: "a.ts" });
  });

  it("refuses a NUL byte, which no file name holds", () => {
    expect(inProject("src/a.ts\u0000.bak").error).toMatch(/NUL/);
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
