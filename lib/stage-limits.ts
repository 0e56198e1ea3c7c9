/**
 * Each stage function's timeout, as the stack deploys it. Kept apart from the
 * constructs, with no imports, because the local runner reads it too: it hands
 * each handler a Lambda context with this much time, so the deadline a batch
 * keeps (lambdas/shared/deadline.ts) is the deployed one.
 */
export const STAGE_TIMEOUT_SECONDS = {
  normalize: 30,
  dedupe: 30,
  tag: 30,
  publish: 30,
  /** Releases held (embargoed) items: the held queue's timers and the sweep. */
  release: 30,
} as const satisfies Record<string, number>;
