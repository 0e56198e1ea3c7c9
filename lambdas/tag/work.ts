/**
 * What tagging one text was made to do, counted so tests can assert that the
 * work stays bounded by the caps below whatever the text holds (issue 22.1).
 * Optional everywhere: production passes none.
 */
export interface TagWork {
  /** Gazetteer names, noun phrases and site names collected. */
  mentions: number;
  /** Credit frames read. */
  frames: number;
  /** Pairwise steps of sweeps (overlap removal, merging): linear in what was collected. */
  steps: number;
  /** Set when a cap cut the text's candidates short. */
  capped: boolean;
}

export const newWork = (): TagWork => ({ mentions: 0, frames: 0, steps: 0, capped: false });

/** Mentions a text may yield; a flood of names is cut here. */
export const MAX_MENTIONS = 2000;
/** Credited sources an item may list; no real article credits more. */
export const MAX_CREDITED = 60;
