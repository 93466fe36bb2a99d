/**
 * @module
 * Test fixtures: an in-process server mounting Actus, SDK clients that call it through `server.fetch`, and users
 * (the first registered is the `super_admin`).
 */
import { type APIError, isAPIError } from "@agentlane/sdk";
import { Actus, type ActusOptions } from "@agentlane/sdk/actus";
import { contract } from "@agentlane/sdk/actus/contract";
import { createServer, type LiteServer } from "../../../server.ts";
import type { ActusServices } from "../state/services.ts";

export const BASE_URL = "http://lite.test/api";

/** A client of the in-process server. */
export function clientFor(server: LiteServer, options: Partial<ActusOptions> = {}): Actus {
  return new Actus({
    baseUrl: BASE_URL,
    fetch: (input, init) => server.fetch(new Request(input, init)),
    validate: { contract, mode: "strict" },
    retry: 0,
    ...options,
  });
}

/** A signed-in user. */
export interface TestUser {
  actus: Actus;
  id: string;
  token: string;
  username: string;
}

let counter = 0;

/** Registers a user and answers a client signed in as them. */
export async function newUser(server: LiteServer, name = "user"): Promise<TestUser> {
  counter++;
  const username = `${name}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
  const actus = clientFor(server);
  const { user, tokens } = await actus.auth.signUp({ username, password: "password123" });
  return { actus, id: user.id, token: tokens.access_token, username };
}

/** The world most tests need: a server, its admin (first user) and two users. */
export interface ActusWorld {
  server: LiteServer;
  services: ActusServices;
  admin: TestUser;
  alice: TestUser;
  bob: TestUser;
}

export async function actusWorld(): Promise<ActusWorld> {
  const server = await createServer({ platform: "actus" });
  const services = server.services("actus") as ActusServices;
  const admin = await newUser(server, "admin");
  const alice = await newUser(server, "alice");
  const bob = await newUser(server, "bob");
  return { server, services, admin, alice, bob };
}

/** The API error a call fails with; a call that succeeds (or fails otherwise) fails the test. */
export async function errorOf(call: PromiseLike<unknown> | AsyncIterable<unknown>): Promise<APIError> {
  try {
    if (Symbol.asyncIterator in (call as object)) for await (const _ of call as AsyncIterable<unknown>);
    else await call;
  } catch (error) {
    if (isAPIError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
