/**
 * @module
 * The fault generator: a seeded PRNG (pure-rand's Mersenne Twister, whose seeding spreads even small seeds: with
 * xoroshiro128+ the first draw of every small seed is close to 1, so a first request would never fail) decides,
 * request after request, whether one fails and with which kind, so a run is repeated exactly by its seed. Every injected fault is logged with its
 * kind and request id, and counted.
 */
import picomatch from "picomatch";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { mersenne } from "pure-rand/generator/mersenne";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import { type ChaosOptions, type FaultKind, faultKinds, noChaos, type ResolvedChaos, resolveChaos } from "./options.ts";

/** One injected fault, as `GET /_lite/chaos` lists it. */
export interface InjectedFault {
  kind: FaultKind;
  /** The request's `x-request-id` (the one it sent, or the one the server gave it). */
  requestId: string;
  method: string;
  path: string;
  /** When, on the server clock (ISO 8601). */
  at: string;
}

/** The state of fault injection, as `GET /_lite/chaos` answers it. */
export interface ChaosState {
  config: ResolvedChaos;
  /** Faults injected since the last configuration, by kind. */
  counts: Record<FaultKind, number>;
  /** The latest injected faults, oldest first (at most 1,000). */
  log: InjectedFault[];
}

const LOG_LIMIT = 1000;

/** A route filter: an optional method and a path glob. */
interface RouteMatcher {
  method: string | undefined;
  matches(path: string): boolean;
}

function matcherOf(route: string): RouteMatcher {
  const [first, ...rest] = route.trim().split(/\s+/);
  const method = rest.length > 0 ? first!.toUpperCase() : undefined;
  const glob = rest.length > 0 ? rest.join(" ") : first!;
  return { method, matches: picomatch(glob, { dot: true }) };
}

/** Decides and logs faults; reconfigured at run time (a new configuration restarts the generator from its seed). */
export class FaultInjector {
  #config: ResolvedChaos = noChaos();
  // Made on the first draw from the configured seed: seeding a Mersenne Twister fills its whole state, which no
  // server without faults needs at start.
  #rng: RandomGenerator | undefined;
  #routes: RouteMatcher[] = [];
  #log: InjectedFault[] = [];
  #counts = FaultInjector.#zero();
  readonly #byRequest = new WeakMap<Request, FaultKind>();
  readonly #now: () => string;
  readonly #onFault: ((fault: InjectedFault) => void) | undefined;

  /**
   * @param now the time a fault is logged at (the server clock)
   * @param onFault told of every injected fault (the CLI prints them)
   */
  constructor(now: () => string, onFault?: (fault: InjectedFault) => void) {
    this.#now = now;
    this.#onFault = onFault;
  }

  static #zero(): Record<FaultKind, number> {
    return Object.fromEntries(faultKinds.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  }

  /**
   * Replaces the configuration and restarts the generator from its seed. A run of faults (`rate` above 0) starts
   * with an empty log and counts; turning faults off (`rate: 0`) keeps them, to be read afterwards.
   */
  configure(options: ChaosOptions): ResolvedChaos {
    this.#config = resolveChaos(options);
    this.#rng = undefined;
    this.#routes = this.#config.routes.map(matcherOf);
    if (this.#config.rate > 0) {
      this.#log = [];
      this.#counts = FaultInjector.#zero();
    }
    return this.#config;
  }

  /** Whether any request may get a fault. */
  get active(): boolean {
    return this.#config.rate > 0;
  }

  /** The configuration in force, with its defaults. */
  get config(): ResolvedChaos {
    return this.#config;
  }

  /** The configuration, the counts and the log. */
  state(): ChaosState {
    return { config: this.#config, counts: { ...this.#counts }, log: [...this.#log] };
  }

  /**
   * Draws for one request: the fault it gets, among the configured kinds that `applicable` allows, or
   * `undefined`. Every request on a matching route takes the same two draws, whatever their outcome, so the
   * sequence depends only on the seed and the order of requests.
   */
  draw(method: string, path: string, applicable: readonly FaultKind[]): FaultKind | undefined {
    if (!this.active || !this.#covers(method, path)) return undefined;
    const roll = uniformFloat64(this.#generator());
    const pick = uniformFloat64(this.#generator());
    if (roll >= this.#config.rate) return undefined;
    const kinds = this.#config.kinds.filter((kind) => applicable.includes(kind));
    return kinds.length === 0 ? undefined : kinds[Math.floor(pick * kinds.length)];
  }

  /** How many messages a cut stream delivers before it is closed: 1 to 3. */
  messagesBeforeCut(): number {
    return uniformInt(this.#generator(), 1, 3);
  }

  /** The generator, restarted from the configured seed by each configuration. */
  #generator(): RandomGenerator {
    this.#rng ??= mersenne(this.#config.seed);
    return this.#rng;
  }

  /** The fault injected into a request, for the recording of its exchange. */
  faultOf(request: Request): FaultKind | undefined {
    return this.#byRequest.get(request);
  }

  /** Logs and counts a fault that was injected (into `request`, for an HTTP request). */
  record(kind: FaultKind, requestId: string, method: string, path: string, request?: Request): void {
    const fault: InjectedFault = { kind, requestId, method, path, at: this.#now() };
    if (request) this.#byRequest.set(request, kind);
    this.#counts[kind]++;
    this.#log.push(fault);
    if (this.#log.length > LOG_LIMIT) this.#log.splice(0, this.#log.length - LOG_LIMIT);
    this.#onFault?.(fault);
  }

  #covers(method: string, path: string): boolean {
    if (this.#routes.length === 0) return true;
    return this.#routes.some((route) => (route.method === undefined || route.method === method) && route.matches(path));
  }
}
