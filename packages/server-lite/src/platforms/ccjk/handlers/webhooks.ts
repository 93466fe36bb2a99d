/**
 * @module
 * §10 Webhook Configuration: subscriptions of the caller's account (see `runtime/webhooks.ts`).
 */
import { accountOf } from "../caller.ts";
import type { CCJKHandlers } from "./types.ts";

export const webhooks: CCJKHandlers<"webhooks"> = {
  create: ({ body, caller }, { services }) => services.webhooks.create(accountOf(caller), body),
};
