/**
 * @module
 * CAIPE Skills' compatibility-check profile (`agentlane check --platform caipe`): answers are bare JSON or the
 * `{success, data}` envelope depending on the route, so only the data and the error table are checked; a bearer
 * token.
 */
import { defineCheckProfile } from "../../check/profile.ts";
import { contract, errorCodes } from "./contract/index.ts";
import { caipeEnvelope } from "./envelope.ts";

/** The profile `checkServer({ platform: "caipe" })` uses. */
export const checkProfile = defineCheckProfile({
  id: "caipe",
  title: "CAIPE Skills",
  contract,
  envelope: caipeEnvelope,
  errorCodes,
  auth: {},
});
