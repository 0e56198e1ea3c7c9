import { heldFolder } from '../../../lambdas/publish/embargo.ts';
import type { HeldRecord, HeldStore } from '../../../lambdas/publish/held-store.ts';
import type { HoldTimers } from '../../../lambdas/publish/hold-timers.ts';
import type { OutputMessage } from '../../../lambdas/publish/message.ts';
import type { OutputQueue } from '../../../lambdas/publish/output-queue.ts';
import type { DeadLetterSink } from '../../../lambdas/shared/dead-letters.ts';

/** Held records in memory, with S3's semantics as far as holds use them (sorted listing, idempotent delete). */
export class MemoryHeldStore implements HeldStore {
  readonly records = new Map<string, HeldRecord>();
  async put(record: HeldRecord) {
    this.records.set(record.key, structuredClone(record));
  }
  async get(key: string) {
    const record = this.records.get(key);
    return record ? structuredClone(record) : undefined;
  }
  async has(key: string) {
    return this.records.has(key);
  }
  async delete(key: string) {
    this.records.delete(key);
  }
  async keysOf(uri: string) {
    return [...this.records.keys()].filter((key) => key.startsWith(heldFolder(uri))).sort();
  }
  async keys(limit: number) {
    return [...this.records.keys()].sort().slice(0, limit);
  }
}

export class RecordingTimers implements HoldTimers {
  readonly armed: Array<{ key: string; now: Date }> = [];
  async arm(key: string, now: Date) {
    this.armed.push({ key, now });
  }
}

export class RecordingOutput implements OutputQueue {
  readonly sent: OutputMessage[] = [];
  failNext = false;
  async publish(messages: readonly OutputMessage[]) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('output unavailable');
    }
    this.sent.push(...messages);
  }
}

export class NoDeadLetters implements DeadLetterSink {
  readonly sent: string[] = [];
  async send(_record: unknown, error: Error) {
    this.sent.push(error.message);
  }
}

/** A clock a test sets. */
export class TestClock {
  constructor(public time: Date) {}
  readonly now = () => new Date(this.time);
  advance(ms: number) {
    this.time = new Date(this.time.getTime() + ms);
  }
}
