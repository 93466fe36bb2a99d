import { tmpdir } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { PtyRegistry } from "./pty-runner.ts";

const registries: PtyRegistry[] = [];

afterEach(async () => {
  await Promise.all(registries.splice(0).map((r) => r.dispose()));
});

function registry(): PtyRegistry {
  const made = new PtyRegistry();
  registries.push(made);
  return made;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Starts `script` under bash and resolves once it printed `ready`. */
function startScript(terminals: PtyRegistry, id: string, script: string) {
  let output = "";
  const exits: number[][] = [];
  let ready!: () => void;
  const printedReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const pid = terminals.start(
    id,
    { command: "bash", args: ["-c", script], cwd: tmpdir(), cols: 80, rows: 24 },
    {
      onData: (data) => {
        output += data;
        if (output.includes("ready")) ready();
      },
      onExit: (code, signal) => exits.push([code, signal]),
    },
  );
  return { pid, printedReady, exits };
}

describe("PtyRegistry", () => {
  it("refuses a second process for the same session and forgets a killed one", async () => {
    const terminals = registry();
    const { pid, printedReady, exits } = startScript(terminals, "s1", "echo ready; exec sleep 30");
    await printedReady;
    expect(terminals.resize("s1", 100, 30)).toBe(true);
    expect(() => startScript(terminals, "s1", "true")).toThrow(/already runs a process/);
    terminals.kill("s1");
    expect(terminals.write("s1", "x")).toBe(false);
    expect(terminals.resize("s1", 100, 30)).toBe(false);
    for (let attempt = 0; attempt < 200 && exits.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(exits).toEqual([[0, 1]]);
    expect(alive(pid)).toBe(false);
  });

  it("kills a process that ignores the hang-up signal when disposed, and stays silent afterwards", async () => {
    const terminals = registry();
    const stubborn = startScript(terminals, "s2", "trap '' HUP; echo ready; exec sleep 30");
    await stubborn.printedReady;
    await terminals.dispose();
    expect(alive(stubborn.pid)).toBe(false);
    expect(stubborn.exits).toEqual([]);
    expect(() => startScript(terminals, "s3", "true")).toThrow(/closing/);
  });
});
