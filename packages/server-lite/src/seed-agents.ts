/**
 * @module
 * The seed agents of `createServer({ seed: true, seedAgent: true })`: each mounted platform's demo client of its
 * seeded data (ClaudeNest's machine agent), run while the server listens. Started once the server listens and after
 * each seeding, stopped before the next start, at a reset and at `close()`.
 */
import type { AnyPlatform, SeedAgentHandle } from "./core/platform.ts";

/** A mounted platform as the seed agents need it: its definition, URL prefix and services. */
export interface SeedAgentMount {
  platform: AnyPlatform;
  prefix: string;
  services: unknown;
}

/** The running seed agents, by platform id. */
export class SeedAgents {
  readonly #running = new Map<string, SeedAgentHandle>();

  /**
   * (Re)starts the agent of every mounted platform that has one and was seeded, against the server at `url`.
   * `ca` is the certificate of a server serving TLS with one of its own.
   */
  async start(
    url: string,
    mounted: readonly SeedAgentMount[],
    seedInfo: Readonly<Record<string, unknown>>,
    ca: string | undefined,
  ): Promise<void> {
    await this.stop();
    for (const { platform, prefix, services } of mounted) {
      const seed = seedInfo[platform.id];
      if (!platform.seedAgent || !seed) continue;
      this.#running.set(platform.id, await platform.seedAgent(services, { base: `${url}${prefix}`, ca, seed }));
    }
  }

  /** Stops every running agent. */
  async stop(): Promise<void> {
    const running = [...this.#running.values()];
    this.#running.clear();
    await Promise.all(running.map((agent) => agent.stop()));
  }
}
