/** §16 Health check. */
import type { NestHandlers } from "../handlers.ts";

export const API_VERSION = "1.0.0";

export const health: NestHandlers<"health"> = {
  check: (_, { services }) => ({ status: "ok", version: API_VERSION, timestamp: services.clock.iso() }),
};
