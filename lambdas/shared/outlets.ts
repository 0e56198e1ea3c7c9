import * as z from 'zod';
import { ConfigError } from './errors.ts';
import { OUTLET_ID } from './keys.ts';

/**
 * What a deployment knows about each outlet it takes news from. The tagger
 * uses it to name the publisher and to fill rights the item leaves unsaid.
 */
export const outletSchema = z.object({
  id: z.string().regex(OUTLET_ID),
  name: z.string().min(1).optional(),
  site: z.url().optional(),
  copyrightHolder: z.string().min(1).optional(),
  usageTerms: z.string().min(1).optional(),
  licenseUrl: z.url().optional(),
  /** Feeds the poller fetches for this outlet. */
  feeds: z.array(z.url()).default([]),
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
