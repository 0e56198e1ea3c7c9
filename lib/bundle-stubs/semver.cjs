// Stands in for semver in the Lambda bundles (lib/bundling.ts MODULE_ALIASES): semver itself, loaded on
// first use instead of at load. With tracing on, the X-Ray SDK requires semver as it loads (for one
// version check in its AWS SDK v2 patcher, captureAWS, which this project never calls: v3 clients are
// traced with captureAWSv3Client), and evaluating semver compiles its regular expressions and builds
// its range objects, ~7 ms of every such cold start. Every property, key and `in` test reaches the
// real module, so whatever asks for semver still gets it, exactly; only the moment it loads differs.
'use strict';
let semver;
const load = () => {
  semver ??= require('../../node_modules/semver/index.js');
  return semver;
};
module.exports = new Proxy(
  {},
  {
    get: (_target, name) => load()[name],
    has: (_target, name) => name in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_target, name) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(load(), name);
      // A proxy may only report a property its (empty) target lacks as configurable.
      return descriptor && { ...descriptor, configurable: true };
    },
  },
);
