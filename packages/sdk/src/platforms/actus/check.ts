/**
 * @module
 * Actus's compatibility-check profile (`agentlane check --platform actus`): the `{code, msg, data}` envelope, the
 * numeric error codes with the statuses that carry them, and a bearer token or the username login.
 */
import { z } from "zod";
import { present } from "../../check/envelope-schemas.ts";
import { defineCheckProfile } from "../../check/profile.ts";
import { contract, errorCodes, type LoginResult } from "./contract/index.ts";
import { actusEnvelope } from "./envelope.ts";

/** The table by the code the wire carries (`"404"`); a raised error's status comes first, as the table lists it. */
const byWireCode: Record<string, { status: number }> = {};
for (const { code, status } of Object.values(errorCodes)) byWireCode[String(code)] ??= { status };

/** The profile `checkServer({ platform: "actus" })` uses. */
export const checkProfile = defineCheckProfile({
  id: "actus",
  title: "Actus",
  contract,
  envelope: actusEnvelope,
  successEnvelope: z.object({ code: z.number(), msg: z.string(), data: present }),
  errorCodes: byWireCode,
  auth: {
    login: {
      endpoint: "auth.login",
      body: (username, password) => ({ username, password }),
      token: (data) => (data as Partial<LoginResult> | null)?.tokens?.access_token,
    },
  },
  skip: {
    "auth.wechatAuthorize": "starts WeChat's OAuth flow",
    "files.get": "downloads a file",
  },
});
