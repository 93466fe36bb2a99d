import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSandboxDir, resolveInSandbox, writeInSandbox } from "./sandbox.ts";

let root: string;
let dir: string;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), "actus-sandbox-test-"));
  dir = await makeSandboxDir(root, "s1");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the sandbox", () => {
  it("is a folder of the session's own under the root, made again without complaint", async () => {
    expect(dir).toBe(join(root, "s1"));
    expect(statSync(dir).isDirectory()).toBe(true);
    await expect(makeSandboxDir(root, "s1")).resolves.toBe(dir);
  });

  it("resolves paths inside it, new or existing, and refuses those that leave it", () => {
    expect(resolveInSandbox(dir, "notes/a.txt")).toBe(join(dir, "notes/a.txt"));
    expect(resolveInSandbox(dir, "/home/ubuntu/notes/a.txt")).toBe(join(dir, "notes/a.txt"));
    writeFileSync(join(dir, "here.txt"), "x");
    expect(resolveInSandbox(dir, "here.txt")).toBe(join(dir, "here.txt"));
    expect(resolveInSandbox(dir, "../s2/a.txt")).toBeUndefined();
    expect(resolveInSandbox(dir, "/etc/passwd")).toBeUndefined();
    expect(resolveInSandbox(dir, "a\0b")).toBeUndefined();
  });

  it("refuses an existing link that points out of it, and keeps one that stays inside", () => {
    mkdirSync(join(root, "elsewhere"));
    writeFileSync(join(root, "elsewhere", "secret.txt"), "secret");
    symlinkSync(join(root, "elsewhere", "secret.txt"), join(dir, "out.txt"));
    writeFileSync(join(dir, "target.txt"), "x");
    symlinkSync(join(dir, "target.txt"), join(dir, "in.txt"));
    expect(resolveInSandbox(dir, "out.txt")).toBeUndefined();
    expect(resolveInSandbox(dir, "in.txt")).toBe(join(dir, "in.txt"));
  });

  it("writes a file, making the folders it needs, and replaces one that exists", () => {
    const real = resolveInSandbox(dir, "deep/er/notes.txt")!;
    writeInSandbox(real, "first\n");
    expect(readFileSync(real, "utf8")).toBe("first\n");
    writeInSandbox(real, new TextEncoder().encode("second\n"));
    expect(readFileSync(real, "utf8")).toBe("second\n");
  });

  it("reports a write that cannot be made, rather than making something else", () => {
    writeFileSync(join(dir, "file"), "x");
    expect(() => writeInSandbox(join(dir, "file", "child.txt"), "y")).toThrow(/ENOTDIR/);
    mkdirSync(join(dir, "folder"));
    expect(() => writeInSandbox(join(dir, "folder"), "y")).toThrow(/EISDIR/);
  });
});
