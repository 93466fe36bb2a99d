/** The handler table type of one ClaudeNest resource. */
import type { ClaudeNestContract } from "@agentlane/sdk/claudenest/contract";
import type { Handlers } from "../../core/platform.ts";
import type { NestCaller, NestCommonCode } from "./caller.ts";
import type { NestServices } from "./services.ts";

export type NestHandlers<R extends keyof ClaudeNestContract> = Handlers<
  ClaudeNestContract,
  NestServices,
  NestCaller,
  NestCommonCode
>[R];
