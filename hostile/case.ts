/**
 * The hostile corpus. Each case is built on demand (the big ones are tens of
 * megabytes, so none is stored). `expect` is what a safe pipeline must do:
 * `reject` with a reason, or `either` process it safely or reject it.
 */
export interface HostileCase {
  readonly name: string;
  readonly expect: 'reject' | 'either';
  readonly contentType?: string;
  /** Part of the subset that also goes through the real local pipeline. */
  readonly viaPipeline?: boolean;
  /** Through the pipeline, its manifest must report an item with a reason like this. */
  readonly itemError?: RegExp;
  /** Too slow for every test run at this size: `tsx hostile/index.ts` runs it, `npm test` its small twin. */
  readonly fullScaleOnly?: boolean;
  build(): Uint8Array;
}
