/**
 * @module
 * §4 Machines. Every query is scoped to the caller's user; a machine token sees only its own machine.
 */
import { Failure } from "../../../core/failure.ts";
import { uuid } from "../../../core/ids.ts";
import { type NestCaller, userOf } from "../caller.ts";
import type { NestHandlers } from "../handlers.ts";
import { terminateMachineSessions } from "../runtime/session-runtime.ts";
import { type MachineRow, type MachineViewRow, NestServices, ONLINE_WINDOW_MS } from "../services.ts";

const DEFAULT_PER_PAGE = 15;

/** The caller's machine `id`, or MCH_001: another user's machine is as good as absent. */
export function ownMachine(services: NestServices, caller: NestCaller, id: string): MachineRow {
  const row = services.db.get<MachineRow>("SELECT * FROM cn_machines WHERE id = ? AND user_id = ?", id, userOf(caller));
  if (!row || (caller.kind === "machine" && caller.machineId !== row.id)) throw new Failure("MCH_001");
  return row;
}

/** The machines handlers of the document; `browse`, beyond it, is in `browse.ts`. */
export const machines: Omit<NestHandlers<"machines">, "browse"> = {
  list({ caller, query }, { services }) {
    const userId = userOf(caller);
    const perPage = query.per_page ?? DEFAULT_PER_PAGE;
    const page = query.page ?? 1;
    const now = services.now();
    const where = ["user_id = ?"];
    const args: unknown[] = [userId];
    if (query.search) {
      where.push("(name LIKE ? ESCAPE '\\' OR hostname LIKE ? ESCAPE '\\')");
      const like = `%${query.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      args.push(like, like);
    }
    if (query.status) {
      where.push(
        "(CASE WHEN last_seen_at IS NOT NULL AND ? - last_seen_at < ? THEN 'online' WHEN woken_at IS NOT NULL AND ? - woken_at < ? THEN 'connecting' ELSE 'offline' END) = ?",
      );
      args.push(now, ONLINE_WINDOW_MS, now, ONLINE_WINDOW_MS, query.status);
    }
    const { rows, ...found } = services.db.page<MachineViewRow>({
      columns: NestServices.MACHINE_COLUMNS,
      from: "cn_machines m",
      where: where.join(" AND "),
      args,
      // rowid breaks ties: creation order, also for machines made within one millisecond.
      orderBy: "created_at, rowid",
      page,
      perPage,
    });
    return { items: rows.map((r) => services.machine(r)), ...found };
  },

  register({ caller, body }, { services }) {
    const userId = userOf(caller);
    const id = uuid();
    const { token, hash } = services.newMachineToken();
    services.db.run(
      `INSERT INTO cn_machines (id, user_id, name, platform, hostname, arch, node_version, agent_version, claude_version, claude_path, capabilities, max_sessions, token_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      userId,
      body.name,
      body.platform,
      body.hostname,
      body.arch ?? null,
      body.node_version ?? null,
      body.agent_version ?? null,
      body.claude_version ?? null,
      body.claude_path ?? null,
      JSON.stringify(body.capabilities ?? []),
      body.max_sessions ?? 10,
      hash,
      services.clock.iso(),
    );
    return { machine: services.machine(ownMachine(services, caller, id)), token };
  },

  get: ({ caller, params }, { services }) => services.machine(ownMachine(services, caller, params.id)),

  update({ caller, params, body }, { services }) {
    const row = ownMachine(services, caller, params.id);
    services.db.run(
      "UPDATE cn_machines SET name = ?, max_sessions = ?, capabilities = ? WHERE id = ?",
      body.name ?? row.name,
      body.max_sessions ?? row.max_sessions,
      body.capabilities ? JSON.stringify(body.capabilities) : row.capabilities,
      row.id,
    );
    return services.machine(ownMachine(services, caller, row.id));
  },

  async remove({ caller, params }, { services }) {
    const row = ownMachine(services, caller, params.id);
    // Subscribers hear that the machine's sessions ended, and their processes stop, before the rows go.
    terminateMachineSessions(services, row.id);
    services.db.run("DELETE FROM cn_machines WHERE id = ?", row.id);
    services.revoke({ machineId: row.id }, "The machine was deleted");
    await services.mcp.stopMachine(row.id);
    return null;
  },

  regenerateToken({ caller, params }, { services }) {
    const row = ownMachine(services, caller, params.id);
    const { token, hash } = services.newMachineToken();
    services.db.run("UPDATE cn_machines SET token_hash = ? WHERE id = ?", hash, row.id);
    services.revoke({ machineId: row.id }, "The machine's token was regenerated");
    return { token };
  },

  environment({ caller, params }, { services }) {
    const row = ownMachine(services, caller, params.id);
    return {
      platform: row.platform,
      hostname: row.hostname,
      arch: row.arch,
      node_version: row.node_version,
      agent_version: row.agent_version,
      claude_version: row.claude_version,
      claude_path: row.claude_path,
      capabilities: JSON.parse(row.capabilities) as string[],
      max_sessions: row.max_sessions,
    };
  },

  wake({ caller, params }, { services }) {
    const row = ownMachine(services, caller, params.id);
    const capabilities = JSON.parse(row.capabilities) as string[];
    if (!capabilities.includes("wake_on_lan")) throw new Failure("MCH_003");
    if (services.machineStatus(row) === "online") throw new Failure("MCH_004");
    services.db.run("UPDATE cn_machines SET woken_at = ? WHERE id = ?", services.now(), row.id);
    return { message: "Wake-on-LAN signal sent", machine: services.machine(ownMachine(services, caller, row.id)) };
  },
};
