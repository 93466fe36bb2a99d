/**
 * @module
 * ClaudeNest's compatibility-check profile (`agentlane check --platform claudenest`): the §1.2 success envelope,
 * the §14 error table, a bearer token or the §2.2 email login, the §13 realtime handshake, and the real server's
 * known variants.
 *
 * Known variants: the real server answers a claim, a release and a completion with the task itself (its
 * `TaskController`), and server-lite answers the documented `{task, message}` with the task's own keys beside it;
 * the SDK reads either (`shapes/tasks.ts`), so both are declared here and reported as `variant`, not as failures.
 */
import { z } from "zod";
import { present } from "../../check/envelope-schemas.ts";
import { defineCheckProfile } from "../../check/profile.ts";
import { PusherTransport } from "../../live/pusher-transport.ts";
import { type AuthSession, contract, errorCodes } from "./contract/index.ts";
import { TaskSchema } from "./contract/tasks.ts";
import { claudenestEnvelope } from "./envelope.ts";
import { DEFAULT_APP_KEY, realtimeUrl } from "./live/realtime.ts";

/** The instance the write round trip claims, completes and locks as. */
const INSTANCE = "agentlane-check";
const LOCK = { path: "agentlane-check.txt", instance_id: INSTANCE };

const Pagination = z.object({
  current_page: z.number(),
  last_page: z.number(),
  per_page: z.number(),
  total: z.number(),
});

/** The profile `checkServer({ platform: "claudenest" })` uses. */
export const checkProfile = defineCheckProfile({
  id: "claudenest",
  title: "ClaudeNest",
  contract,
  envelope: claudenestEnvelope,
  successEnvelope: z.object({
    success: z.literal(true),
    data: present,
    meta: z.object({ timestamp: z.string(), request_id: z.string(), pagination: Pagination.optional() }),
  }),
  errorCodes,
  auth: {
    login: {
      endpoint: "auth.login",
      body: (email, password) => ({ email, password }),
      token: (data) => (data as Partial<AuthSession> | null)?.token,
    },
  },
  variants: (["tasks.claim", "tasks.release", "tasks.complete"] as const).map((endpoint) => ({
    endpoint,
    name: "{task, message} with the task's own keys beside it",
    schema: z.looseObject({ task: TaskSchema, message: z.string() }),
    note: "ClaudeNest's own server answers the task flat; the SDK reads both shapes",
  })),
  skip: {
    "auth.oauthRedirect": "starts a provider's OAuth flow",
    "auth.oauthCallback": "needs a one-time code from the provider",
    "pairing.status": "needs a pairing code from a machine being paired",
  },
  queries: { "commands.search": { q: "git" } },
  follow: {
    "skills.get": { path: "skill.path" },
  },
  // `--write`: a scratch project on the first machine, a task created, claimed and completed, a lock taken and
  // released (the scratch project, its tasks and locks read back on the way), then the project deleted.
  write: {
    needs: { machine: "machine.id" },
    steps: [
      {
        endpoint: "projects.create",
        uses: ["machine"],
        input: (k) => ({ machine: k.machine, name: k.scratch, project_path: `/tmp/${k.scratch}` }),
        keep: (data) => ({ project: (data as { id?: string } | null)?.id }),
      },
      {
        endpoint: "tasks.create",
        uses: ["project"],
        input: (k) => ({ project: k.project, title: `${k.scratch}: round trip`, priority: "low" }),
        keep: (data) => ({ task: (data as { id?: string } | null)?.id }),
      },
      { endpoint: "projects.get", uses: ["project"], input: (k) => ({ id: k.project }) },
      { endpoint: "tasks.list", uses: ["project"], input: (k) => ({ project: k.project }) },
      { endpoint: "tasks.claim", uses: ["task"], input: (k) => ({ id: k.task, instance_id: INSTANCE }) },
      { endpoint: "tasks.get", uses: ["task"], input: (k) => ({ id: k.task }) },
      {
        endpoint: "tasks.complete",
        uses: ["task"],
        input: (k) => ({ id: k.task, instance_id: INSTANCE, summary: "Checked by agentlane check" }),
      },
      { endpoint: "locks.acquire", uses: ["project"], input: (k) => ({ project: k.project, ...LOCK }) },
      { endpoint: "locks.list", uses: ["project"], input: (k) => ({ project: k.project }) },
      { endpoint: "locks.release", uses: ["project"], input: (k) => ({ project: k.project, ...LOCK }) },
    ],
    cleanup: [{ endpoint: "projects.remove", uses: ["project"], input: (k) => ({ id: k.project }) }],
  },
  // §13: the Pusher (Reverb) WebSocket, a private project channel authorized with the token inline.
  realtime: {
    name: "Pusher WebSocket (§13)",
    open: (baseUrl, token, options) =>
      new PusherTransport({
        url: options.url ?? realtimeUrl(baseUrl),
        appKey: options.appKey ?? DEFAULT_APP_KEY,
        ...(token === undefined ? {} : { token }),
      }),
    channel: (find) => {
      const project = find("project", "id");
      return project === undefined ? undefined : `private-project.${project}`;
    },
  },
});
