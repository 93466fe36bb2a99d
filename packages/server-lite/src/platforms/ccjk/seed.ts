/**
 * @module
 * Demo data for `agentlane-server --seed`: an Enterprise account with an API key and an OAuth client, and a few
 * items on the provider's side, so that a first sync has something to pull. `GET /_lite/seed` answers what it
 * returns.
 */
import type { CCJKServices } from "./services.ts";

/** What seeding CCJK Cloud made: an API key and an OAuth client's credentials. */
export interface CCJKSeedInfo {
  apiKey: string;
  clientId: string;
  clientSecret: string;
}

export async function seed(services: CCJKServices): Promise<CCJKSeedInfo> {
  const accountId = services.accounts.create("Demo Team", "enterprise");
  const { key } = services.accounts.createKey(accountId, "demo");
  const { clientId, clientSecret } = services.accounts.createOAuthClient(accountId);
  const at = services.clock.now();
  services.sync.setItem(accountId, "remote", {
    type: "settings",
    id: "claude-settings",
    content: JSON.stringify({ model: "sonnet", language: "zh-CN", outputStyle: "engineer-professional" }),
    version: "1.0.0",
    modifiedAt: at,
  });
  services.sync.setItem(accountId, "remote", {
    type: "workflows",
    id: "six-step-workflow",
    content: "# 六步工作流\n\n1. 研究\n2. 构思\n3. 计划\n4. 执行\n5. 优化\n6. 评审\n",
    version: "2.0.0",
    modifiedAt: at,
  });
  return { apiKey: key, clientId, clientSecret };
}
