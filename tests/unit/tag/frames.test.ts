import { describe, expect, it } from 'vitest';
import { findFrameCredits } from '../../../lambdas/tag/frames.ts';
import type { NewsOrganisation } from '../../../lambdas/tag/gazetteer.ts';

const none = (_name: string): NewsOrganisation | undefined => undefined;
const names = (text: string, lookup = none) => findFrameCredits(text, lookup).map((c) => c.name);

describe('credit frames', () => {
  it('takes an unlisted outlet from a strong frame', () => {
    expect(names('The Valley Clarion reported that the mill would close.')).toEqual(['The Valley Clarion']);
  });

  it('does not take a capitalised everyday word the same text uses in lower case', () => {
    const text =
      'Would the council wait? Officials said they would. Would reported that the bridge was shut.';
    expect(names(text)).toEqual([]);
  });

  it('still takes such a word when the gazetteer knows it or a descriptor names it', () => {
    const text = 'It was a hard time for the town. Time reported that the mill would close.';
    const time: NewsOrganisation = { name: 'Time' };
    expect(names(text, (n) => (n === 'Time' ? time : undefined))).toEqual(['Time']);
  });

  it('reads a news descriptor in an appositive after the name', () => {
    expect(names('According to Marsh Lantern, a neighbourhood newsletter, the pier will reopen.')).toEqual([
      'Marsh Lantern',
    ]);
    expect(names('According to Veldt Signal, the Pretoria weekly, rents rose.')).toEqual(['Veldt Signal']);
  });

  it('does not take a person whose appositive only mentions a newspaper', () => {
    expect(names('According to Ingrid Halvorsen, a newspaper editor, the pier will reopen.')).toEqual([]);
  });

  it('takes "X said" when the name is a paper or station by its own head word, not a person so named', () => {
    expect(names('The Tarn Valley Courier said the dam had cracked.')).toEqual(['The Tarn Valley Courier']);
    expect(names('Kestrel Bay FM said the road was closed.')).toEqual(['Kestrel Bay FM']);
    expect(names('Spokeswoman Anna Post said the road was closed.')).toEqual([]);
    expect(names('Councillor Robert Star said the road was closed.')).toEqual([]);
  });

  it('takes a site name of any country code', () => {
    expect(names('Vesna.mk said the road was closed.')).toEqual(['Vesna.mk']);
  });

  it('does not take "the <Place> daily" as a name', () => {
    expect(names('According to the Lyon daily, the strike will spread.')).toEqual([]);
  });

  it('reads an appositive with a state abbreviation in it', () => {
    expect(
      names('The Quarry Hill Echo, a weekly in Barre, Vt., said in a report that jobs were cut.'),
    ).toEqual(['The Quarry Hill Echo']);
  });

  it('does not credit what an outlet covers, nor a site blocked "citing" a law', () => {
    expect(names('Radio Alder, which has reported on the mines, said it would appeal.')).toEqual([]);
    expect(
      names('Regulators blocked the news site Tundra Voice, citing a law on false information.'),
    ).toEqual([]);
    expect(names('The news site Tundra Voice, citing two officials, said the mine would close.')).toEqual([
      'Tundra Voice',
    ]);
    expect(names('The Harbour Freight Bulletin, citing dock managers, said the gains would last.')).toEqual([
      'The Harbour Freight Bulletin',
    ]);
  });

  it('reads names with a fused or slashed number, and not a decade or an ordinal', () => {
    expect(names('Lowland24 said the ferry was cancelled.')).toEqual(['Lowland24']);
    expect(names('A retired teacher told Ribeira/16 that the ferry was cancelled.')).toEqual(['Ribeira/16']);
    expect(names('The boats were built in the 1970s, Harbour Signal reported.')).toEqual(['Harbour Signal']);
    expect(names('An Andorran weekly reported that the ferry was cancelled.')).toEqual([]);
  });

  it('reads "X\'s analysis of … found" and a strong frame past a non-head body word', () => {
    expect(names("Marsh Lantern's analysis of court filings found that most cases stalled.")).toEqual([
      'Marsh Lantern',
    ]);
    expect(names('Studio Pelikan reported that the ferry was cancelled.')).toEqual(['Studio Pelikan']);
    expect(names('The Bank of Tarnovia reported that the ferry was cancelled.')).toEqual([]);
  });

  it('takes a listed outlet that says something, and a place-named brand ("X Today")', () => {
    const listed: NewsOrganisation = { name: 'Halden Posten' };
    expect(
      names('Halden Posten said the ferry was cancelled.', (n) =>
        n === 'Halden Posten' ? listed : undefined,
      ),
    ).toEqual(['Halden Posten']);
    expect(names('According to Brazil Today, the ferry was cancelled.')).toEqual(['Brazil Today']);
    expect(names('Swedish Customs said the ferry was cancelled.')).toEqual([]);
  });

  it('reads the frames of wider copy: first to report, reporting by, carried by, source:, asides, quoting', () => {
    expect(names('Harbour Signal was first to report that the ferry was cancelled.')).toEqual([
      'Harbour Signal',
    ]);
    expect(names('Reporting by Fenland Community Radio showed the ferry was cancelled.')).toEqual([
      'Fenland Community Radio',
    ]);
    expect(names('The mayor spoke in a video posted by Lakeside TV on Sunday.')).toEqual(['Lakeside TV']);
    expect(names('Ferry fares rose 12 percent (source: Brightwater24) last year.')).toEqual([
      'Brightwater24',
    ]);
    expect(
      names('Marsh Lantern, in an article on Sunday that drew on port data, said the ferry was cancelled.'),
    ).toEqual(['Marsh Lantern']);
    expect(names('Carta do Vale, quoting two harbour pilots, said the ferry was cancelled.')).toEqual([
      'Carta do Vale',
    ]);
    expect(names('In comments to Radio Kestrel, the mayor said the ferry was cancelled.')).toEqual([
      'Radio Kestrel',
    ]);
  });

  it('reads channel numbers and number-led titles, and a broadcaster by its medium', () => {
    expect(names('TV 3 Nordkyst said the ferry was cancelled.')).toEqual(['TV 3 Nordkyst']);
    expect(names('12 Vesti reported that the ferry was cancelled.')).toEqual(['12 Vesti']);
    expect(names('Ruritania National Broadcasting Corporation (RNBC) said the ferry was cancelled.')).toEqual(
      ['Ruritania National Broadcasting Corporation (RNBC)'],
    );
    expect(names('The International Cycling Press Association said the race was cancelled.')).toEqual([]);
    expect(names('Media Council Kenya reported that the ferry was cancelled.')).toEqual([]);
  });
});
