/**
 * @module
 * `machine:info`: what the agent tells of its host after connecting fills the machine's versions, paths, session
 * limit and capabilities (ClaudeNest's `AgentServe::onMachineInfo` updates the same columns, keeping those the
 * agent leaves out). The agent's capability flags become capability names (`pty`, `tmux`, `mcp`, `skills`); the ones
 * the user declared (`wake_on_lan`) are kept.
 */
import { z } from "zod";
import { Failure } from "../../../core/failure.ts";
import type { NestServices } from "../services.ts";

const Text = z.string().min(1).max(255);

const MachineInfoSchema = z.looseObject({
  platform: z.string().min(1).max(64).optional(),
  hostname: Text.optional(),
  arch: z.string().max(64).optional(),
  nodeVersion: z.string().max(64).optional(),
  agentVersion: z.string().max(64).optional(),
  claudeVersion: z.string().max(64).optional(),
  claudePath: z.string().max(1024).optional(),
  capabilities: z
    .looseObject({
      supportsPTY: z.boolean().optional(),
      supportsTmux: z.boolean().optional(),
      supportsMCP: z.boolean().optional(),
      supportsSkills: z.boolean().optional(),
    })
    .optional(),
  maxSessions: z.number().int().min(1).max(1000).optional(),
});

/** The agent's flags and the capability names they stand for. */
const FLAGS = { supportsPTY: "pty", supportsTmux: "tmux", supportsMCP: "mcp", supportsSkills: "skills" } as const;
const AGENT_CAPABILITIES: readonly string[] = Object.values(FLAGS);

/** Reads a payload with a schema, or VAL_001 naming what is wrong. */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown, type: string): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`);
  throw new Failure("VAL_001", `${type}: ${problems.join("; ")}`);
}

/** Stores what `machine:info` tells of the machine. */
export function applyMachineInfo(services: NestServices, machineId: string, payload: unknown): void {
  const info = parsePayload(MachineInfoSchema, payload, "machine:info");
  const row = services.db.get<{ capabilities: string }>("SELECT capabilities FROM cn_machines WHERE id = ?", machineId);
  if (!row) return;
  let capabilities: string[] | undefined;
  if (info.capabilities) {
    const declared = (JSON.parse(row.capabilities) as string[]).filter((c) => !AGENT_CAPABILITIES.includes(c));
    const flags = info.capabilities;
    const reported = Object.entries(FLAGS)
      .filter(([flag]) => flags[flag as keyof typeof FLAGS] === true)
      .map(([, name]) => name);
    capabilities = [...declared, ...reported];
  }
  const columns: Record<string, string | number | undefined> = {
    platform: info.platform,
    hostname: info.hostname,
    arch: info.arch,
    node_version: info.nodeVersion,
    agent_version: info.agentVersion,
    claude_version: info.claudeVersion,
    claude_path: info.claudePath,
    max_sessions: info.maxSessions,
    capabilities: capabilities && JSON.stringify(capabilities),
  };
  const known = Object.entries(columns).filter(([, value]) => value !== undefined);
  if (known.length === 0) return;
  services.db.run(
    `UPDATE cn_machines SET ${known.map(([name]) => `${name} = ?`).join(", ")} WHERE id = ?`,
    ...known.map(([, value]) => value),
    machineId,
  );
}
