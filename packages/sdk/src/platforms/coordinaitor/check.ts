/**
 * @module
 * CoordinAItor's compatibility-check profile (`agentlane check --platform coordinaitor`): the `{success, data,
 * meta}` envelope (pages add `pagination` and `links`), the error table, an `X-API-Key`, a bearer token or the
 * email login, the `/ws` handshake, and the `--write` round trip.
 */
import { z } from "zod";
import { present } from "../../check/envelope-schemas.ts";
import { defineCheckProfile } from "../../check/profile.ts";
import { contract, errorCodes, type LoginAnswer } from "./contract/index.ts";
import { coordinaitorEnvelope } from "./envelope.ts";
import { openTransport } from "./live/realtime.ts";

/** The `id` of an answer's data, when it has one. */
const idOf = (data: unknown) => (data as { id?: string } | null)?.id;

/** The profile `checkServer({ platform: "coordinaitor" })` uses. */
export const checkProfile = defineCheckProfile({
  id: "coordinaitor",
  title: "CoordinAItor",
  contract,
  envelope: coordinaitorEnvelope,
  successEnvelope: z.object({
    success: z.literal(true),
    data: present,
    meta: z.object({ requestId: z.string(), timestamp: z.string() }),
  }),
  errorCodes,
  auth: {
    apiKey: (key) => ({ "x-api-key": key }),
    login: {
      endpoint: "auth.login",
      body: (email, password) => ({ email, password }),
      token: (data) => (data as Partial<LoginAnswer> | null)?.accessToken,
    },
  },
  skip: { "auth.authorize": "an OAuth consent page, not an API read" },
  // `--write`: a scratch project with a task, read back, commented, moved to active and completed, then the task
  // and the project deleted.
  write: {
    needs: {},
    steps: [
      {
        endpoint: "projects.create",
        uses: ["scratch"],
        input: (k) => ({ name: k.scratch, description: "Created and deleted by agentlane check" }),
        keep: (data) => ({ project: idOf(data) }),
      },
      {
        endpoint: "tasks.create",
        uses: ["project"],
        input: (k) => ({ title: `${k.scratch}: round trip`, projectId: k.project, priority: "low" }),
        keep: (data) => ({ task: idOf(data) }),
      },
      { endpoint: "projects.get", uses: ["project"], input: (k) => ({ projectId: k.project }) },
      { endpoint: "projects.tasks", uses: ["project"], input: (k) => ({ projectId: k.project }) },
      { endpoint: "tasks.get", uses: ["task"], input: (k) => ({ taskId: k.task }) },
      { endpoint: "tasks.addComment", uses: ["task"], input: (k) => ({ taskId: k.task, content: "Checking" }) },
      { endpoint: "tasks.patch", uses: ["task"], input: (k) => ({ taskId: k.task, status: "active" }) },
      { endpoint: "tasks.patch", uses: ["task"], input: (k) => ({ taskId: k.task, status: "completed" }) },
    ],
    cleanup: [
      { endpoint: "tasks.delete", uses: ["task"], input: (k) => ({ taskId: k.task }) },
      { endpoint: "projects.delete", uses: ["project"], input: (k) => ({ projectId: k.project }) },
    ],
  },
  // The `/ws` channel, the credential in its URL as the client sends it; `tasks` needs `tasks:read`.
  realtime: {
    name: "/ws",
    open: (baseUrl, credential, options) => openTransport(baseUrl, async () => credential, { url: options.url }),
    channel: () => "tasks",
  },
});
