/**
 * @module
 * `pnpm run docs:api` runs clean (TypeDoc's validation finds no missing doc comment, broken link or hidden type:
 * any warning fails it), and the reference it writes documents every SDK method of every platform with its
 * summary, its HTTP method and path, its document section where the contract names one, and an example call.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import type { Contract } from "../../packages/sdk/src/contract/endpoint.ts";
import { platformRegistry } from "../../packages/sdk/src/platforms/registry.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "agentlane-reference-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The parts of TypeDoc's JSON model the test reads. */
interface Reflection {
  name: string;
  kind: number;
  children?: Reflection[];
  comment?: { summary: { text: string }[]; blockTags?: { tag: string; content: { text: string }[] }[] };
  type?: { type: string; declaration?: Reflection };
}

/** Every reflection of the model, however deeply nested. */
function* reflections(node: Reflection): Generator<Reflection> {
  yield node;
  for (const child of node.children ?? []) yield* reflections(child);
}

it("writes the SDK reference without a warning, each method with its summary, path, section and example", {
  timeout: 300_000,
}, async () => {
  const script = fileURLToPath(new URL("reference.ts", import.meta.url));
  const json = join(dir, "reference.json");
  const outcome = await run(process.execPath, [script, "--out", join(dir, "html"), "--json", json], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout: string; stderr: string }) => error);
  expect(outcome.stderr).toBe("");
  expect(existsSync(join(dir, "html", "index.html"))).toBe(true);

  const model = JSON.parse(readFileSync(json, "utf8")) as Reflection;
  const all = [...reflections(model)];
  for (const { id, client } of platformRegistry) {
    const { contract } = (await import(`../../packages/sdk/src/platforms/${id}/contract/index.ts`)) as {
      contract: Contract;
    };
    const methods = all.find((r) => r.name === `${client}Methods` && r.children);
    expect(methods, `${client}Methods`).toBeDefined();
    for (const [resource, endpoints] of Object.entries(contract)) {
      const members = methods!.children!.find((r) => r.name === resource)?.type?.declaration?.children ?? [];
      for (const [name, { spec }] of Object.entries(endpoints)) {
        const comment = members.find((m) => m.name === name)?.comment;
        const text = comment?.summary.map((part) => part.text).join("") ?? "";
        const label = `${id} ${resource}.${name}`;
        expect(text, label).toContain(spec.summary.slice(0, 20));
        expect(text, label).toContain(`${spec.method} ${spec.path}`);
        if (spec.section) expect(text, label).toContain(`(${spec.section})`);
        const example = comment?.blockTags?.find((t) => t.tag === "@example");
        expect(example?.content.map((part) => part.text).join(""), label).toContain(`client.${resource}.${name}(`);
      }
    }
  }
});
