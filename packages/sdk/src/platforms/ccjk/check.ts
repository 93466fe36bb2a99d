/**
 * @module
 * CCJK Cloud's compatibility-check profile (`agentlane check --platform ccjk`): the `{success, data}` envelope,
 * the §9 error table, and an API key sent as a bearer token.
 */
import { z } from "zod";
import { present } from "../../check/envelope-schemas.ts";
import { defineCheckProfile } from "../../check/profile.ts";
import { contract, errorCodes } from "./contract/index.ts";
import { ccjkEnvelope } from "./envelope.ts";

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** The profile `checkServer({ platform: "ccjk" })` uses. */
export const checkProfile = defineCheckProfile({
  id: "ccjk",
  title: "CCJK Cloud",
  contract,
  envelope: ccjkEnvelope,
  successEnvelope: z.object({ success: z.literal(true), data: present }),
  errorCodes,
  auth: { token: bearer, apiKey: bearer },
  skip: { "plugins.download": "downloads a plugin archive" },
});
