/**
 * @module
 * CoordinAItor's compatibility-check profile (`agentlane check --platform coordinaitor`): the `{success, data,
 * meta}` envelope (pages add `pagination` and `links`), the error table, an `X-API-Key`, a bearer token or the
 * email login, and the `/ws` handshake.
 */
import { z } from "zod";
import { present } from "../../check/envelope-schemas.ts";
import { defineCheckProfile } from "../../check/profile.ts";
import { contract, errorCodes, type LoginAnswer } from "./contract/index.ts";
import { coordinaitorEnvelope } from "./envelope.ts";
import { openTransport } from "./live/realtime.ts";

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
  // The `/ws` channel, the credential in its URL as the client sends it; `tasks` needs `tasks:read`.
  realtime: {
    name: "/ws",
    open: (baseUrl, credential, options) => openTransport(baseUrl, async () => credential, { url: options.url }),
    channel: () => "tasks",
  },
});
