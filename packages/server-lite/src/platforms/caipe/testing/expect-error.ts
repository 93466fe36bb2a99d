/**
 * @module
 * Asserting a CAIPE error through the SDK: the status, the envelope's code, and optionally a field error.
 */
import { APIError } from "@agentlane/sdk";
import { expect } from "vitest";

/** Awaits a call that must fail with this status and code; answers the error for further checks. */
export async function expectError(call: Promise<unknown>, status: number, code: string): Promise<APIError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${status} ${code}`).toBeInstanceOf(APIError);
  const apiError = error as APIError;
  expect({ status: apiError.status, code: apiError.code }).toEqual({ status, code });
  return apiError;
}
