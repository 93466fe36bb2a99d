export * from "./abort-error.ts";
export * from "./agentlane-error.ts";
export * from "./api-error.ts";
export * from "./connection-error.ts";
export * from "./response-validation-error.ts";
export * from "./timeout-error.ts";
