/**
 * @module
 * Where the pages of a list start, remembered while the store is unchanged. A page read with `LIMIT/OFFSET`
 * walks every row before it, so page 1,000 of a long list costs a thousand pages. For lists ordered by a unique
 * integer key (a task's `seq`), serving a page leaves two anchors: the key its first row has, and the key after
 * its last row (where the next page starts). A later request for either page starts there with `key >= ?` and no
 * offset, so a client walking the pages in order, or asking for the same page again, pays for one page each
 * time. Any write to the store (`total_changes()` moves, triggers included) forgets every anchor, so a page is
 * never read from a stale position.
 */
import type { DatabaseSync, StatementSync } from "node:sqlite";

/** At most this many anchors are kept; the oldest go first. */
const MAX_ANCHORS = 4096;

export class PageAnchors {
  readonly #changes: StatementSync;
  readonly #anchors = new Map<string, number>();
  #seenChanges = -1;

  constructor(sqlite: DatabaseSync) {
    this.#changes = sqlite.prepare("SELECT total_changes() AS n");
  }

  /** The key page `page` of the list `list` starts at, if known and the store has not changed since. */
  find(list: string, page: number): number | undefined {
    const changes = (this.#changes.get() as { n: number }).n;
    if (changes !== this.#seenChanges) {
      this.#anchors.clear();
      this.#seenChanges = changes;
      return undefined;
    }
    return this.#anchors.get(`${page}\u0000${list}`);
  }

  /** Remembers that page `page` of `list` starts at key `first`, and the next page after key `last`. */
  remember(list: string, page: number, first: number, last: number): void {
    for (const [at, key] of [
      [page, first],
      [page + 1, last + 1],
    ] as const) {
      const name = `${at}\u0000${list}`;
      this.#anchors.delete(name);
      this.#anchors.set(name, key);
    }
    while (this.#anchors.size > MAX_ANCHORS) this.#anchors.delete(this.#anchors.keys().next().value!);
  }
}
