/**
 * @module
 * Reading an A2A server's agent card: `<base_url>/.well-known/agent.json`, then `agent-card.json` (the newer
 * name), with a time limit and a size limit. A card needs a `name`; the rest has defaults.
 */
import type { ActusServices } from "./services.ts";

/** What the server keeps of an agent card. */
export interface AgentCard {
  name: string;
  description: string;
  input_modes: string[];
  output_modes: string[];
  streaming: boolean;
  push_notifications: boolean;
}

const strings = (v: unknown, fallback: string[]): string[] =>
  Array.isArray(v) && v.every((s) => typeof s === "string") ? (v as string[]) : fallback;

/** Reads a card, or answers why it could not. */
export async function fetchAgentCard(services: ActusServices, baseUrl: string): Promise<AgentCard | string> {
  const root = baseUrl.replace(/\/+$/, "");
  let lastProblem = "no agent card";
  for (const name of ["agent.json", "agent-card.json"]) {
    try {
      const response = await services.outside.fetch(`${root}/.well-known/${name}`, {
        signal: AbortSignal.timeout(5000),
        headers: { accept: "application/json" },
      });
      if (!response.ok) {
        lastProblem = `agent card answered HTTP ${response.status}`;
        continue;
      }
      const text = await response.text();
      if (text.length > 256 * 1024) return "agent card too large";
      const card = JSON.parse(text) as Record<string, unknown>;
      if (typeof card !== "object" || card === null || typeof card.name !== "string" || !card.name)
        return "agent card has no name";
      const capabilities = (typeof card.capabilities === "object" && card.capabilities) || {};
      return {
        name: card.name.slice(0, 200),
        description: typeof card.description === "string" ? card.description.slice(0, 2000) : "",
        input_modes: strings(card.defaultInputModes, ["text"]),
        output_modes: strings(card.defaultOutputModes, ["text"]),
        streaming: (capabilities as Record<string, unknown>).streaming === true,
        push_notifications: (capabilities as Record<string, unknown>).pushNotifications === true,
      };
    } catch (error) {
      lastProblem = `agent card unreadable: ${(error as Error).message}`;
    }
  }
  return lastProblem;
}
