/** The handler table type of one CAIPE resource. */
import type { CaipeSkillsContract } from "@agentlane/sdk/caipe/contract";
import type { Handlers } from "../../../core/platform.ts";
import type { CaipeCaller, CaipeCommonCode } from "../state/caller.ts";
import type { CaipeServices } from "../state/services.ts";

/** The handlers of resource `R`, typed by the contract. */
export type CaipeHandlers<R extends keyof CaipeSkillsContract> = Handlers<
  CaipeSkillsContract,
  CaipeServices,
  CaipeCaller,
  CaipeCommonCode
>[R];
