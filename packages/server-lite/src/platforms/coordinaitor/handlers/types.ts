/**
 * @module
 * The handler table type of one CoordinAItor resource.
 */
import type { CoordinAItorContract } from "@agentlane/sdk/coordinaitor/contract";
import type { Handlers } from "../../../core/platform.ts";
import type { CoCaller, CoCommonCode } from "../caller.ts";
import type { CoServices } from "../services.ts";

/** The handlers of one resource of the contract. */
export type CoHandlers<R extends keyof CoordinAItorContract> = Handlers<
  CoordinAItorContract,
  CoServices,
  CoCaller,
  CoCommonCode
>[R];
