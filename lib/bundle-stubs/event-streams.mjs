// Stands in for @smithy/core/event-streams in the Lambda bundles (lib/bundling.ts MODULE_ALIASES).
//
// Why: the S3 client imports event-stream support statically (its config resolves a marshaller), and
// @smithy/core's protocols import() it again for operations that stream events. A module reached by
// import() is wrapped by esbuild to be initialised lazily, and so is everything it imports: some two
// hundred modules of @smithy/core, which every function then initialises at load anyway, each compiled
// twice over (scanned with the wrapper, then compiled when called), a few ms of every cold start.
//
// Why it is safe: no operation these functions call streams events. Of the operations of the S3, SQS,
// SNS and DynamoDB clients, only S3 SelectObjectContent does (tests/unit/bundling/event-streams-stub
// checks both). Were one ever called, it fails with the error below instead of running without support.
//
// `resolveEventStreamSerdeConfig` is the library's own (three lines), so the client config is as built.
const unsupported = () => {
  throw new Error(
    'AWS SDK event streams are not bundled in this Lambda: no operation it calls streams events (lib/bundle-stubs/event-streams.mjs)',
  );
};

export const resolveEventStreamSerdeConfig = (input) =>
  Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input) });

export const eventStreamSerdeProvider = () => ({ serialize: unsupported, deserialize: unsupported });

export class EventStreamSerde {
  constructor() {
    unsupported();
  }
}
