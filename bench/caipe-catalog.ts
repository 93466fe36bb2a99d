/**
 * @module
 * CAIPE Skills line: the merged catalog read in-process over a store of 1,000 configs (a page of 50 with filters,
 * the quarantine policy applied), typed SDK calls against raw `server.fetch(new Request(...))` of the same
 * request; and the same page with every match unpaged (`page` omitted, as the real route answers), to show what
 * paging saves.
 *
 * Run it from the repository root: `node --conditions=agentlane-source bench/run.ts caipe`.
 */
import { CaipeSkills } from "@agentlane/sdk";
import { createServer } from "@agentlane/server-lite";
import { rates } from "./lib/measure.ts";
import { atLeast, perSecond, type Row } from "./lib/table.ts";

const ORIGIN = "http://lite.test";
const CONFIGS = 1000;

export async function caipeCatalog(): Promise<Row[]> {
  const server = await createServer({ platform: "caipe", seed: true });
  try {
    const token = server.seedInfo.caipe!.userToken!;
    const caipe = new CaipeSkills({
      baseUrl: `${ORIGIN}/api`,
      token,
      fetch: (input, init) => server.fetch(new Request(input, init)),
    });
    for (let i = 0; i < CONFIGS; i++)
      await caipe.configs.create({
        name: `Skill ${i}`,
        description: `Benchmark skill number ${i}`,
        category: "Bench",
        visibility: i % 2 === 0 ? "global" : "private",
        tasks: [{ display_text: "Run", llm_prompt: `Do step ${i}.`, subagent: "user_input" }],
        metadata: { tags: [i % 3 === 0 ? "ops" : "dev"] },
      });
    const query = { page: 2, page_size: 50, tags: "ops,dev", source: "agent_skills" } as const;
    const url = `${ORIGIN}/api/skills?page=2&page_size=50&tags=ops%2Cdev&source=agent_skills`;
    const headers = { accept: "application/json", authorization: `Bearer ${token}` };
    const raw = async () => {
      const response = await server.fetch(new Request(url, { headers }));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return ((await response.json()) as { data: unknown }).data;
    };
    const plan = { warmupMs: 500, rounds: 10, roundMs: 200, concurrency: 1 };
    const measured = await rates(
      { sdk: () => caipe.catalog.list(query), raw, unpaged: () => caipe.catalog.list({ tags: "ops,dev" }) },
      plan,
    );
    return [
      {
        line: 16,
        measure: `CAIPE catalog.list() page of 50 over ${CONFIGS.toLocaleString("en-US")} configs, calls/s in-process`,
        subject: `SDK ${perSecond(measured.sdk!)}`,
        baseline: `raw server.fetch ${perSecond(measured.raw!)}`,
        ...atLeast(measured.sdk! / measured.raw!, 0.6),
      },
      {
        line: 16,
        measure: "CAIPE catalog: a page of 50 vs every match unpaged (no page)",
        subject: `page of 50 ${perSecond(measured.sdk!)}`,
        baseline: `unpaged ${perSecond(measured.unpaged!)}`,
        ...atLeast(measured.sdk! / measured.unpaged!, 1),
      },
    ];
  } finally {
    await server.close();
  }
}
