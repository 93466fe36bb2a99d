/**
 * @module
 * REST calls as ClaudeNest's agent makes them, for tests of the routes it uses: its machine token as a bearer token,
 * its machine id in `X-Machine-ID`, JSON bodies (QrCommunication/claudenest `packages/agent/src/context/client.ts`
 * 510-528, `fetchApi`, and `src/api/client.ts` 29-50, `RestApiClient`), against an in-process server.
 */
import type { LiteServer } from "../../../server.ts";
import { BASE_URL, newUser } from "./test-support.ts";

/** An answer as the agent reads it: the status, and the envelope's `success`, `data` and `error`. */
export interface AgentAnswer {
  status: number;
  body: { success: boolean; data: any; error?: { code: string; message: string; errors?: Record<string, string[]> } };
}

/** Sends `method endpoint` (below the API root) with `body` as JSON, as the machine's agent. */
export async function agentCall(
  server: LiteServer,
  machine: { id: string; token: string },
  method: string,
  endpoint: string,
  body?: unknown,
): Promise<AgentAnswer> {
  const response = await server.fetch(
    new Request(`${BASE_URL}${endpoint}`, {
      method,
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        Authorization: `Bearer ${machine.token}`,
        "X-Machine-ID": machine.id,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as AgentAnswer["body"] };
}

/** A user with a machine, the machine's agent (its id and token) and a project on the machine. */
export async function agentWorld(server: LiteServer) {
  const owner = await newUser(server, "alice");
  const { machine, token } = await owner.nest.machines.register({ name: "box", platform: "linux", hostname: "box" });
  const project = await owner.nest.projects.create({ machine: machine.id, name: "app", project_path: "/srv/app" });
  return { owner, agent: { id: machine.id, token }, project };
}
