/**
 * @module
 * ClaudeNest's `/ws/agent`: the socket a machine's agent holds to run the sessions of its machine (ClaudeNest's
 * `app/Console/Commands/AgentServe.php`; the document's §13 describes only the Pusher channels). The agent
 * authenticates the upgrade with its machine token and id in `X-Machine-Token` and `X-Machine-ID` (or, where headers
 * cannot be set, `?token=&machine_id=`); a missing or wrong pair is HTTP 401. One socket per machine: a newer one
 * replaces the older. While the socket is open the machine is online; when it closes, offline. A regenerated
 * machine token or a deleted machine closes it (4001).
 *
 * Frames are `{type, payload, id, timestamp}`. The agent's `machine:info` fills the machine's details
 * (`machine-info.ts`), its session reports drive the sessions (`session-reports.ts`), answers to the server's
 * requests reach who asked (`mcp-relay.ts`, `machine-questions.ts`), an error about a command it was sent fails the execution
 * (`command-relay.ts`), `ping` is answered `pong`; a
 * frame that cannot be read, an unknown type or a payload that does not validate is answered with `error
 * {originalType, code, message}` in ClaudeNest's codes (`VAL_001`, `SES_001`).
 */
import { hashToken } from "../../../core/ids.ts";
import { agentSocketRealtime } from "../../../realtime/agent-socket/kind.ts";
import type { NestServices } from "../services.ts";
import { onCommandError } from "./command-relay.ts";
import type { AgentIdentity } from "./gateway.ts";
import { applyMachineInfo } from "./machine-info.ts";
import { QUESTION_ANSWERS } from "./machine-questions.ts";
import { onUnaskedMcpStatus } from "./mcp-relay.ts";
import { onSessionReport } from "./session-reports.ts";

/** The path of the agent socket below the platform's prefix. */
export const AGENT_SOCKET_PATH = "/ws/agent";

/** The machine whose id and token the upgrade carries, or undefined. */
function machineOf(services: NestServices, machineId: string | undefined, token: string | undefined) {
  if (!machineId || !token?.startsWith("mn_")) return undefined;
  const row = services.db.get<{ id: string; user_id: string }>(
    "SELECT id, user_id FROM cn_machines WHERE id = ? AND token_hash = ?",
    machineId,
    hashToken(token),
  );
  return row && ({ kind: "machine", machineId: row.id, userId: row.user_id } satisfies AgentIdentity);
}

export const agentSocket = agentSocketRealtime<NestServices, AgentIdentity>({
  path: AGENT_SOCKET_PATH,
  errorCode: "VAL_001",
  authenticate: (services, credentials) =>
    machineOf(
      services,
      credentials.header("x-machine-id") ?? credentials.query("machine_id"),
      credentials.header("x-machine-token") ?? credentials.query("token"),
    ),
  key: (identity) => identity.machineId,
  onOpen(services, peer) {
    services.agents.attach(peer);
    const now = services.now();
    services.db.run(
      "UPDATE cn_machines SET connected_at = ?, last_seen_at = ?, woken_at = NULL WHERE id = ?",
      now,
      now,
      peer.key,
    );
  },
  onClose(services, peer) {
    services.agents.detach(peer);
    services.db.run("UPDATE cn_machines SET last_seen_at = ? WHERE id = ?", services.now(), peer.key);
  },
  onMessage(services, peer, { type, payload }) {
    // An answer to a request of the server (an MCP server started, a tool's result, a folder listed) goes to who
    // asked; one that comes after its request gave up is dropped.
    if (type === "pong" || services.agents.answer(peer.key, { type, payload }) || QUESTION_ANSWERS.has(type)) return;
    if (type === "machine:info") applyMachineInfo(services, peer.key, payload);
    else if (type === "mcp:status") onUnaskedMcpStatus(services, peer.key, payload);
    else if (type === "error" && onCommandError(services, peer.key, payload)) return;
    else if (!onSessionReport(services, peer.key, type, payload))
      peer.send("error", {
        originalType: type,
        code: "VAL_001",
        message: `Unknown message type ${type.slice(0, 100)}: this server reads machine:info, session:status, session:output, session:exited, session:recovered, mcp:status, mcp:tool_result (answering mcp:call_tool), file:browse_result (answering file:browse), project:scan_result (answering project:scan), error, ping and pong.`,
      });
  },
});
