import { ConfigError } from './errors.ts';
import { OUTLET_ID } from './keys.ts';
import * as z from './zod.ts';

const optionalText = () => z.optional(z.string().check(z.minLength(1)));

/**
 * What a deployment knows about each outlet it takes news from. The tagger
 * uses it to name the publisher and to fill rights the item leaves unsaid.
 */
export const outletSchema = z.object({
  id: z.string().check(z.regex(OUTLET_ID)),
  name: optionalText(),
  site: z.optional(z.url()),
  copyrightHolder: optionalText(),
  usageTerms: optionalText(),
  licenseUrl: z.optional(z.url()),
  /** Feeds the poller fetches for this outlet. */
  feeds: z._default(z.array(z.url()), []),
  /**
   * Lets the poller fetch this outlet's feeds (and follow their redirects) to
   * loopback, private, link-local and other internal addresses. Off unless set:
   * for feeds served inside your own network, local mode and tests only.
   */
  allowPrivateAddresses: z.optional(z.boolean()),
});
export type Outlet = z.infer<typeof outletSchema>;

export class OutletRegistry {
  readonly #outlets: Map<string, Outlet>;

  constructor(outlets: readonly Outlet[] = []) {
    this.#outlets = new Map(outlets.map((outlet) => [outlet.id, outlet]));
  }

  get(id: string): Outlet | undefined {
    return this.#outlets.get(id);
  }

  all(): Outlet[] {
    return [...this.#outlets.values()];
  }

  static parse(json: string | undefined): OutletRegistry {
    if (!json) return new OutletRegistry();
    const result = z.array(outletSchema).safeParse(JSON.parse(json));
    if (!result.success) throw new ConfigError(`invalid outlet registry: ${z.prettifyError(result.error)}`);
    return new OutletRegistry(result.data);
  }
}
