/**
 * @module
 * §14 error codes with their HTTP statuses, verbatim, plus the HTTP-level codes server-lite needs for
 * situations the document does not name (unknown route, wrong method, unreadable body).
 *
 * Where the document contradicts itself:
 * - Statuses come from the §14.1 table, so `PAR_003`, `PRJ_002`, `TSK_002` and `LCK_001` are 409 and `PAR_002` is
 *   410 although the §1.3 status list names neither; §7.7's already-claimed example, which shows no status, is 409.
 * - `AUTH_004` is "Invalid or expired reset token" in the table but the magic-link error in §2.7; no reset
 *   endpoint is documented, so it is the magic-link error, with §2.7's wording.
 * - Codes the table gives 500 are answered 500 only for the server's own faults. A command for an offline machine
 *   is `MCH_002` (400, "Machine is offline"), not `CMD_002`; a tool called on a stopped MCP server is `MCP_003`
 *   with 409, and an unknown tool `MCP_003` with 404: the caller's state, which a client must not retry as a
 *   server fault.
 * - `AUTH_003` ("Unable to send reset link") belongs to password-reset endpoints the document does not describe;
 *   it is kept for completeness and no endpoint answers it.
 */
/** Each error code with its HTTP status and default message. */
export const errorCodes = {
  AUTH_001: { status: 400, message: "Invalid provider" },
  AUTH_002: { status: 401, message: "Invalid credentials" },
  AUTH_003: { status: 400, message: "Unable to send reset link" },
  AUTH_004: { status: 400, message: "Invalid or expired magic link token" },
  PAR_001: { status: 404, message: "Pairing code not found" },
  PAR_002: { status: 410, message: "Pairing code has expired" },
  PAR_003: { status: 409, message: "Pairing already completed" },
  MCH_001: { status: 404, message: "Machine not found" },
  MCH_002: { status: 400, message: "Machine is offline" },
  MCH_003: { status: 400, message: "Machine does not support Wake-on-LAN" },
  MCH_004: { status: 400, message: "Machine is already online" },
  SES_001: { status: 404, message: "Session not found" },
  SES_002: { status: 400, message: "Session already terminated" },
  PRJ_001: { status: 404, message: "Project not found" },
  PRJ_002: { status: 409, message: "Project path already exists" },
  TSK_001: { status: 404, message: "Task not found" },
  TSK_002: { status: 409, message: "Task already claimed by another instance" },
  TSK_003: { status: 403, message: "Task not claimed by this instance" },
  LCK_001: { status: 409, message: "File is locked by another instance" },
  CTX_001: { status: 404, message: "Context chunk not found" },
  SKL_001: { status: 404, message: "Skill not found" },
  MCP_001: { status: 404, message: "MCP server not found" },
  MCP_002: { status: 500, message: "MCP server failed to start" },
  MCP_003: { status: 500, message: "Tool execution failed" },
  CMD_001: { status: 404, message: "Command not found" },
  CMD_002: { status: 500, message: "Command execution failed" },
  VAL_001: { status: 422, message: "The given data was invalid." },
  RTE_001: { status: 429, message: "Rate limit exceeded" },
  SRV_001: { status: 500, message: "Internal server error" },
  // Not in §14: HTTP-level failures that happen before any endpoint runs.
  BAD_REQUEST: { status: 400, message: "The request body is not valid JSON" },
  FORBIDDEN: { status: 403, message: "This action is unauthorized" },
  NOT_FOUND: { status: 404, message: "Not found" },
  METHOD_NOT_ALLOWED: { status: 405, message: "Method not allowed" },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is too large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send the request body as application/json" },
  // Beyond the document: codes of ClaudeNest's own server for the routes its web UI calls that §14 does not list
  // (`CredentialController`, `FileBrowserController`, `ProjectController`'s orchestrator routes,
  // `ProjectScanController`).
  DUPLICATE_NAME: { status: 409, message: "A credential with this name already exists" },
  MACHINE_OFFLINE: { status: 422, message: "Machine is not online" },
  ORCHESTRATOR_ERROR: { status: 422, message: "The orchestrator refused the request" },
  BROWSE_ERROR: { status: 422, message: "The folder cannot be listed" },
  SCAN_ERROR: { status: 422, message: "The project cannot be scanned" },
  AGENT_TIMEOUT: { status: 504, message: "Machine did not respond in time" },
} as const;

/** Every code a ClaudeNest error may carry (`error.code` of the envelope, `APIError.code` in the SDK). */
export type ClaudeNestErrorCode = keyof typeof errorCodes;

/**
 * Codes the document gives a 5xx that server-lite also answers with a 4xx, when they describe the caller's state
 * rather than a server fault (see the module comment): the statuses each may carry besides its own.
 */
export const callerStateStatuses: Readonly<Record<string, readonly number[]>> = { MCP_003: [404, 409] };
