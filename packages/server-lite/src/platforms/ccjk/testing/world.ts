/**
 * @module
 * A populated CCJK server for the sweeps over every endpoint: an Enterprise owner with an OAuth client, a sync
 * configuration, items, a completed job with an open conflict, a running task, a private skill, an installed
 * MCP service and a webhook; a stranger with a key of their own. `samples` gives a well-formed request of every
 * contract endpoint against these rows.
 */
import type { EndpointSample } from "../../../core/test-malformed.ts";
import { type CCJKHarness, startCCJK, type TestAccount } from "./harness.ts";

/** The populated server. */
export interface CCJKWorld extends CCJKHarness {
  owner: TestAccount & { clientId: string; clientSecret: string };
  stranger: TestAccount;
  syncId: string;
  conflictId: string;
  taskId: string;
  privateSkillId: string;
  webhookId: string;
  /** Every id of the owner's rows, which nobody else may be told of. */
  ownerIds(): string[];
}

export async function ccjkWorld(): Promise<CCJKWorld> {
  const h = await startCCJK();
  const owner = h.account("enterprise", "Owner Co");
  const oauth = h.services.accounts.createOAuthClient(owner.accountId);
  const stranger = h.account("free", "Stranger");
  const { ccjk } = owner;

  await ccjk.sync.setConfig({
    provider: "github-gist",
    providerConfig: { token: "ghp_world_secret" },
    conflictStrategy: "manual",
  });
  h.services.sync.setItem(owner.accountId, "local", { type: "skills", id: "owner-skill", content: "base" });
  const first = await ccjk.sync.start({});
  h.server.clock.advance(first.estimatedDuration * 1000);
  h.services.sync.setItem(owner.accountId, "local", { type: "skills", id: "owner-skill", content: "local" });
  h.services.sync.setItem(owner.accountId, "remote", { type: "skills", id: "owner-skill", content: "remote" });
  const second = await ccjk.sync.start({});
  h.server.clock.advance(second.estimatedDuration * 1000);
  const status = await ccjk.sync.status();
  const conflictId = status.results.conflicts[0]!.conflictId;

  const { taskId } = await ccjk.agents.createTask({
    agentRole: "typescript-cli-architect",
    task: { name: "owner task", type: "implement" },
  });
  h.server.clock.advance(2000);
  const privateSkillId = "owner-private-skill";
  await ccjk.skills.publish({
    skill: {
      id: privateSkillId,
      name: { en: "Private", "zh-CN": "私有技能" },
      description: { en: "Mine" },
      category: "custom",
      version: "1.0.0",
      template: "# Private\n",
    },
    visibility: "private",
  });
  await ccjk.mcp.install({ id: "context7" });
  const { webhookId } = await ccjk.webhooks.create({ url: "http://127.0.0.1:9/hook", events: ["sync.completed"] });

  return {
    ...h,
    owner: { ...owner, ...oauth },
    stranger,
    syncId: status.syncId,
    conflictId,
    taskId,
    privateSkillId,
    webhookId,
    ownerIds: () => [owner.accountId, status.syncId, conflictId, taskId, privateSkillId, webhookId, oauth.clientId],
  };
}

/** A well-formed request of every endpoint, by `resource.method`, naming the owner's rows. */
export function samples(w: CCJKWorld): Record<string, EndpointSample> {
  return {
    "oauth.token": {
      params: {},
      body: { grant_type: "client_credentials", client_id: w.owner.clientId, client_secret: w.owner.clientSecret },
    },
    "sync.setConfig": { params: {}, body: { provider: "s3", syncDirection: "push", itemTypes: ["skills"] } },
    "sync.getConfig": { params: {} },
    "sync.start": { params: {}, body: { direction: "pull", itemTypes: ["settings"], force: false } },
    "sync.status": { params: {}, query: { syncId: w.syncId } },
    "sync.resolveConflict": {
      params: {},
      body: { conflictId: w.conflictId, resolution: "merged", mergedContent: "m" },
    },
    "skills.list": { params: {}, query: { category: "custom", lang: "zh-CN" } },
    "skills.categories": { params: {} },
    "skills.get": { params: { id: w.privateSkillId } },
    "skills.install": { params: { id: w.privateSkillId }, body: { version: "1.0.0", force: true } },
    "skills.publish": {
      params: {},
      body: {
        skill: {
          id: "swept-skill",
          name: { en: "Swept", "zh-CN": "扫描" },
          description: { en: "d", "zh-CN": "描述" },
          category: "custom",
          version: "1.0.0",
          tags: ["t"],
          triggers: ["/swept"],
          template: "# T",
        },
        visibility: "private",
      },
    },
    "agents.list": { params: {}, query: { role: "typescript-cli-architect", status: "busy" } },
    "agents.createTask": {
      params: {},
      body: {
        agentRole: "ccjk-testing-specialist",
        task: { name: "n", description: "d", type: "test", priority: "high", input: { files: ["a.ts"] } },
        distributed: true,
      },
    },
    "agents.getTask": { params: { id: w.taskId } },
    "agents.cancelTask": { params: { id: w.taskId } },
    "agents.scalePool": {
      params: {},
      body: {
        role: "typescript-cli-architect",
        min: 1,
        max: 4,
        target: 2,
        autoScale: true,
        scaleUpThreshold: 0.7,
        scaleDownThreshold: 0.3,
      },
    },
    "mcp.list": { params: {}, query: { category: "database", platform: "linux", search: "sql" } },
    "mcp.get": { params: { id: "context7" } },
    "mcp.install": { params: { id: "brave-search" }, body: { env: { BRAVE_API_KEY: "k" } } },
    "mcp.discover": {
      params: {},
      body: {
        projectPath: "/p",
        analysis: { languages: ["typescript"], frameworks: ["react"], packageManager: "pnpm" },
      },
    },
    "plugins.list": { params: {}, query: { category: "dev", sort: "rating" } },
    "plugins.get": { params: { id: "feature-dev" } },
    "plugins.download": { params: { id: "feature-dev" } },
    "plugins.recommendations": {
      params: {},
      body: {
        context: {
          projectType: "nextjs",
          language: "typescript",
          frameworks: ["react"],
          tools: ["vitest"],
          installedPlugins: ["x"],
          skillLevel: "advanced",
        },
        limit: 5,
      },
    },
    "webhooks.create": {
      params: {},
      body: { url: "https://example.com/hook", events: ["task.completed"], secret: "s3cret-value" },
    },
  };
}
