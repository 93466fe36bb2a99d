/**
 * @module
 * The handler table type of one Actus resource.
 */
import type { ActusContract } from "@agentlane/sdk/actus/contract";
import type { Handlers } from "../../../core/platform.ts";
import type { ActusCaller, ActusCommonCode } from "../caller.ts";
import type { ActusServices } from "../state/services.ts";

/** The handlers of one resource of the Actus contract. */
export type ActusHandlers<R extends keyof ActusContract> = Handlers<
  ActusContract,
  ActusServices,
  ActusCaller,
  ActusCommonCode
>[R];
