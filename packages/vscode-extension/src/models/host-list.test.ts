import { describe, expect, it } from "vitest";
import { branchName } from "./branch-name.ts";
import { HostList } from "./host-list.ts";

describe("HostList", () => {
  it("shows hosts with their status, running sessions first", () => {
    const list = new HostList();
    list.setHosts([{ id: "m1", name: "Laptop", status: "online", detail: "linux · 1/4 sessions" }]);
    const [host] = list.children();
    list.setSessions("m1", [
      { id: "s1", hostId: "m1", label: "old", status: "completed", running: false },
      { id: "s2", hostId: "m1", label: "live", status: "running", running: true },
    ]);
    expect(list.present(host!)).toMatchObject({ label: "Laptop", contextValue: "host:online", icon: "vm-running" });
    const sessions = list.children(host);
    expect(sessions.map((node) => list.present(node).label)).toEqual(["live", "old"]);
    expect(sessions.map((node) => list.present(node).contextValue)).toEqual(["session:running", "session:ended"]);
  });

  it("keeps node identity across reloads", () => {
    const list = new HostList();
    list.setHosts([{ id: "m1", name: "A", status: "offline", detail: "" }]);
    const [before] = list.children();
    list.setHosts([{ id: "m1", name: "A", status: "online", detail: "" }]);
    expect(list.children()[0]).toBe(before);
    expect(list.present(before!).contextValue).toBe("host:online");
  });
});

describe("branchName", () => {
  it("names a branch after the task", () => {
    expect(branchName({ id: "0a1b2c3d-4e5f", title: "Fix the login redirect loop!" })).toBe(
      "task/0a1b2c3d-fix-the-login-redirect-loop",
    );
    expect(branchName({ id: "abcdefgh", title: "???" })).toBe("task/abcdefgh-work");
  });
});
