import type { StoreHost } from './host';

/**
 * The updates of one store file, one after another, each on the data the
 * previous one left. An update made outside a transaction waits until the
 * transaction under way (if any) is over, so that undoing a transaction
 * never undoes a change that was not part of it.
 */
export class UpdateQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: StoreHost) {}

  push<R>(task: () => Promise<R>): Promise<R> {
    const gate = this.host.gate();
    if (gate) return gate.then(() => this.push(task));
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
