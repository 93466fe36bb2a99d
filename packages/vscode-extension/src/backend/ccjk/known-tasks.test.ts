import { describe, expect, it } from "vitest";
import { memoryState } from "../../../test/support/memory-state.ts";
import { KnownTasks } from "./known-tasks.ts";

describe("KnownTasks", () => {
  it("keeps tasks per role in the profile's state, merging what is learnt later", () => {
    const state = memoryState();
    const known = new KnownTasks(state);
    known.remember({ id: "t1", role: "a", title: "First" });
    known.remember({ id: "t2", role: "b" });
    known.remember({ id: "t1", role: "a", finished: true });
    const again = new KnownTasks(state);
    expect(again.of("a")).toEqual([{ id: "t1", role: "a", title: "First", finished: true }]);
    expect(again.of("b").map((t) => t.id)).toEqual(["t2"]);
    again.forget("t2");
    expect(new KnownTasks(state).of("b")).toEqual([]);
  });

  it("forgets the oldest finished tasks of a role beyond the limit, never an unfinished one", () => {
    const known = new KnownTasks(undefined, 2);
    known.remember({ id: "running", role: "a" });
    for (const id of ["f1", "f2", "f3"]) known.remember({ id, role: "a", finished: true });
    expect(known.of("a").map((t) => t.id)).toEqual(["running", "f2", "f3"]);
  });

  it("ignores stored entries it cannot read", () => {
    const state = memoryState();
    void state.update("ccjk.agentTasks", [{ id: "ok", role: "a" }, null, { role: "no id" }]);
    expect(new KnownTasks(state).of("a").map((t) => t.id)).toEqual(["ok"]);
  });
});
