// Stands in for postcss in the Lambda bundles (lib/bundling.ts MODULE_ALIASES). sanitize-html requires
// postcss at load but only calls it for a style attribute the allowlist keeps, and ours keeps none.
// Were one ever reached, sanitize-html catches this error and drops the attribute: it fails safe.
'use strict';
function parse() {
  throw new Error('postcss is not bundled: style attributes are never allowed');
}
module.exports = { parse };
