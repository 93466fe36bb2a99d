/**
 * @module
 * The platform's test harness: an in-process server with the seeded administrator, SDK clients routed to it,
 * and users made through the API and signed in.
 */
import { CoordinAItor, type CoordinAItorOptions } from "@agentlane/sdk/coordinaitor";
import { contract } from "@agentlane/sdk/coordinaitor/contract";
import { createServer, type LiteServer, type ServerOptions } from "../../../server.ts";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "../seed.ts";

/** Where the platform is mounted in a server of every platform. */
export const BASE_URL = "http://lite.test/coordinaitor";

/** A client of the in-process server (responses validated against the contract). */
export function clientFor(server: LiteServer, options: Partial<CoordinAItorOptions> = {}): CoordinAItor {
  return new CoordinAItor({
    baseUrl: BASE_URL,
    fetch: (input, init) => server.fetch(new Request(input, init)),
    validate: { contract },
    retry: 0,
    ...options,
  });
}

/** A signed-in user: the client and who it is. */
export interface SignedIn {
  client: CoordinAItor;
  userId: string;
  email: string;
  password: string;
}

/** A server, its signed-in administrator, and a way to add signed-in users. */
export interface World {
  server: LiteServer;
  admin: SignedIn;
  newUser(role?: "admin" | "manager" | "developer" | "viewer", name?: string): Promise<SignedIn>;
  /** Errors the server did not expect (500s). */
  unexpected: unknown[];
  close(): Promise<void>;
}

let counter = 0;

export async function coWorld(options: ServerOptions = {}): Promise<World> {
  const unexpected: unknown[] = [];
  const server = await createServer({ seed: true, onError: (e) => unexpected.push(e), ...options });
  const adminClient = clientFor(server);
  const login = await adminClient.login({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  const admin: SignedIn = { client: adminClient, userId: login.user.id, email: ADMIN_EMAIL, password: ADMIN_PASSWORD };
  return {
    server,
    admin,
    unexpected,
    async newUser(role = "developer", name = "user") {
      counter++;
      const email = `${name}-${counter}@example.test`;
      const password = "correct horse battery";
      const user = await adminClient.users.create({ email, password, name: `${name} ${counter}`, role });
      const client = clientFor(server);
      await client.login({ email, password });
      return { client, userId: user.id, email, password };
    },
    close: () => server.close(),
  };
}
