/**
 * @module
 * The promise every SDK method returns: it resolves to the unwrapped data, and `.withResponse()` also gives
 * the status, headers and meta (request id, pagination).
 */
import type { ResponseMeta } from "./envelope.ts";

/** An unwrapped answer with what came with it: status, headers, the envelope's meta and the request id. */
export interface APIResponse<T> {
  data: T;
  meta: ResponseMeta;
  status: number;
  headers: Headers;
  /** The request id the platform reported (envelope or `X-Request-ID`). */
  requestId: string | undefined;
}

/** A promise of an endpoint's data; `withResponse()` also gives the status, headers and meta. */
export class APIPromise<T> extends Promise<T> {
  readonly #response: Promise<APIResponse<T>>;
  #data: Promise<T> | undefined;

  constructor(response: Promise<APIResponse<T>>) {
    super((resolve) => resolve(undefined as T));
    this.#response = response;
  }

  /** Promises derived with `then` or `catch` are plain promises, not `APIPromise`s. */
  static override get [Symbol.species]() {
    return Promise;
  }

  /** The data with the response's status, headers and meta. */
  withResponse(): Promise<APIResponse<T>> {
    return this.#response;
  }

  #value(): Promise<T> {
    this.#data ??= this.#response.then((r) => r.data);
    return this.#data;
  }

  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is a promise; `then` resolves to the unwrapped data.
  override then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#value().then(onfulfilled, onrejected);
  }

  override catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.#value().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#value().finally(onfinally);
  }
}

/**
 * A page of a list that is also an async iterator over every item of every page. It resolves to the page's
 * `data` as the platform sends it: the array itself, or an object that holds it under a named key
 * (`{tasks: [...], pagination}`); iterating yields the items either way.
 */
export class PagePromise<Item, Data = Item[]> extends APIPromise<Data> implements AsyncIterable<Item> {
  readonly #fetchNext: (previous: APIResponse<Data>) => Promise<APIResponse<Data>> | undefined;
  readonly #itemsOf: (data: Data) => readonly Item[];

  constructor(
    first: Promise<APIResponse<Data>>,
    fetchNext: (previous: APIResponse<Data>) => Promise<APIResponse<Data>> | undefined,
    itemsOf: (data: Data) => readonly Item[] = (data) => (Array.isArray(data) ? data : []),
  ) {
    super(first);
    this.#fetchNext = fetchNext;
    this.#itemsOf = itemsOf;
  }

  /** Every page, starting with this one. */
  async *pages(): AsyncGenerator<APIResponse<Data>> {
    let page: APIResponse<Data> | undefined = await this.withResponse();
    while (page) {
      yield page;
      // A page without items ends the list, whatever the platform says of the next one.
      if (this.#itemsOf(page.data).length === 0) return;
      const next = this.#fetchNext(page);
      page = next ? await next : undefined;
    }
  }

  /** Every item of every page, each next page fetched when the items before it are used up. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    for await (const page of this.pages()) yield* this.#itemsOf(page.data);
  }
}
