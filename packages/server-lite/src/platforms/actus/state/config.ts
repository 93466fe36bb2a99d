/**
 * @module
 * App configuration: the LLM and agent settings as JSON values in `act_config`, with the documented defaults.
 * The LLM key is kept here and never answered.
 */
import type { AgentConfig, LlmConfig } from "@agentlane/sdk/actus/contract";
import type { ActusServices } from "./services.ts";

/** The LLM settings as stored, with the key. */
export interface StoredLlm extends LlmConfig {
  api_key: string;
}

const DEFAULT_LLM: StoredLlm = {
  base_url: "https://api.deepseek.com",
  api_key: "",
  model_name: "deepseek-reasoner",
  temperature: 0.7,
  max_tokens: 8192,
};

const DEFAULT_AGENT: AgentConfig = { max_iterations: 100, max_retries: 3, max_search_results: 10 };

function read<T>(services: ActusServices, key: string, fallback: T): T {
  const row = services.db.get<{ value: string }>("SELECT value FROM act_config WHERE key = ?", key);
  return row ? (JSON.parse(row.value) as T) : fallback;
}

function write(services: ActusServices, key: string, value: unknown): void {
  services.db.run("INSERT OR REPLACE INTO act_config (key, value) VALUES (?, ?)", key, JSON.stringify(value));
}

export const readLlm = (services: ActusServices): StoredLlm => read(services, "llm", DEFAULT_LLM);
export const writeLlm = (services: ActusServices, value: StoredLlm) => write(services, "llm", value);
export const readAgent = (services: ActusServices): AgentConfig => read(services, "agent", DEFAULT_AGENT);
export const writeAgent = (services: ActusServices, value: AgentConfig) => write(services, "agent", value);
export const readSkillPolicy = (services: ActusServices): "off" | "enforce_confirmation" =>
  read(services, "skill_policy", "off");
export const writeSkillPolicy = (services: ActusServices, mode: "off" | "enforce_confirmation") =>
  write(services, "skill_policy", mode);

/** The LLM settings as answered: without the key. */
export function publicLlm(stored: StoredLlm): LlmConfig {
  const { api_key: _key, ...rest } = stored;
  return rest;
}
