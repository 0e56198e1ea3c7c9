import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../lambdas/shared/errors.ts';
import { CreditFinder } from '../../../lambdas/tag/credits.ts';
import { DEFAULT_GAZETTEER, parseGazetteer } from '../../../lambdas/tag/gazetteer.ts';

const finder = new CreditFinder(DEFAULT_GAZETTEER);
const names = (text: string) => finder.find(text).map((c) => c.name);

describe('CreditFinder', () => {
  it.each([
    ['The ban was confirmed, according to Newsweek.', ['Newsweek']],
    [
      'They were stopped, according to the independent outlet Vazhnye Istorii (iStories).',
      ['Vazhnye Istorii (iStories)'],
    ],
    ['A source reportedly told independent outlet Meduza that no one can leave.', ['Meduza']],
    ['Prices rose after Reuters reported the seizure.', ['Reuters']],
    ['The recall was first reported by Bloomberg News on Monday.', ['Bloomberg News']],
    // "was reported by" holds "as reported by": that match must not hide the real frame from unlisted names.
    ['The closure was reported by the Tarnbrook Courier.', ['Tarnbrook Courier']],
    ['The plan was first reported by the Millbeck Valley Gazette, a weekly.', ['Millbeck Valley Gazette']],
    ['The Harwick Post and Courier reported the vote.', ['The Harwick Post and Courier']],
    [
      // A paper by its own head word says, as a known agency does ("Interfax said, citing officials").
      'Port traffic fell, the Dunmere Herald said, citing the newsletter Quayside Freight Notes.',
      ['Dunmere Herald', 'Quayside Freight Notes'],
    ],
    ['The carmaker is recalling cars, CNBC first reported.', ['CNBC']],
    ['The plan, as Politico reported last week, is stalled.', ['Politico']],
    [
      'The company plans cuts, The New York Times and Bloomberg reported.',
      ['The New York Times', 'Bloomberg'],
    ],
    ['Talks stalled, according to Axios and the BBC.', ['Axios', 'BBC']],
    ['A ProPublica investigation found overbilling.', ['ProPublica']],
    ['Newsweek’s reporting shows a pattern.', ['Newsweek']],
    ['Steel output falls, the business newspaper Kommersant reported.', ['Kommersant']],
    ['A blast hit the depot, the Telegram channel Baza reported.', ['Baza']],
    ['Flights resumed, Interfax said, citing officials.', ['Interfax']],
    ['The memo was seen by the Financial Times.', ['Financial Times']],
    ['He spoke in an interview with Politico on Monday.', ['Politico']],
    ['The senator is weighing a run, per Axios.', ['Axios']],
    ['Confidence fell, PatriotWise.com reported on Thursday.', ['PatriotWise.com']],
    ['Power returned, according to The Times of India.', ['The Times of India']],
    ['The BBC has learned that the minister will resign.', ['BBC']],
    ['In a statement to CNN, the company said it would appeal.', ['CNN']],
    ['NBC News, citing three officials, reported the strike.', ['NBC News']],
    ['The Kremlin-backed outlet RT reported the claim.', ['RT']],
    ['The EU weighs sanctions, Politico Europe reported.', ['Politico Europe']],
    ['According to data compiled by Bloomberg, yields rose.', ['Bloomberg']],
    ['Prices rose, according to the Russian daily Kommersant.', ['Kommersant']],
  ])('credits the outlet in %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    // A listed outlet that is blocked "citing" a law is the subject, not a source.
    'Regulators blocked the website of Meduza, citing a law on foreign agents.',
    'The talks stalled, according to a Kremlin source.',
    'Ships were still loading, according to officials.',
    'Putin said the deal could be revived.',
    'Ships were loading, according to Russian officials.',
    'An audit is under way, according to the Pentagon.',
    'Gas flows resumed, according to Gazprom.',
    'A source reportedly told the outlet that many officials tried to resign.',
    'A court fined the newspaper Kommersant on Friday.',
    "Newsweek's Moscow bureau closed in 2022.",
    'The court extended the detention of Wall Street Journal reporter Evan Gershkovich.',
    'Fox News host Bret Baier called the ruling a disgrace.',
    'Former mayor Michael Bloomberg pledged $500 million.',
    'Meduza, which moved to Riga in 2014, marked its anniversary.',
    'Insider trading charges went to trial. An insider said the firm knew.',
    'She once wrote opinion columns for The Washington Post.',
    'The founder of the mercenary organization the Wagner Group blamed the FSB.',
    'Time magazine named her Person of the Year.',
    'Cuts were agreed, according to the weekly Cabinet minutes.',
    'Critics say Newsweek exaggerated the threat.',
    'A spokesperson for Reuters declined to comment.',
    'She previously worked at CNN and the BBC.',
    'The report, published in the journal Nature, found a link.',
    'Sanctions were discussed on Tuesday. Bloomberg is a data company.',
  ])('credits nothing in %j', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('keeps each organisation once, under the name first written', () => {
    expect(names('According to Newsweek, it fell. Later, according to Newsweek, it rose.')).toEqual([
      'Newsweek',
    ]);
  });

  it('flags wire services', () => {
    const [credit] = finder.find('The fire spread, Reuters reported.');
    expect(credit?.wire).toBe(true);
  });

  it('takes organisations a deployment adds to the gazetteer', () => {
    const text = 'The harvest fell short, according to Skift.';
    expect(names(text)).toEqual([]);
    const extended = new CreditFinder([...DEFAULT_GAZETTEER, { name: 'Skift' }]);
    expect(extended.find(text).map((c) => c.name)).toEqual(['Skift']);
  });
});

describe('parseGazetteer', () => {
  it('reads the organisations a deployment adds', () => {
    expect(
      parseGazetteer('[{"name":"Skift","aliases":["Skift.com"]},{"name":"Wire X","wire":true}]'),
    ).toEqual([
      { name: 'Skift', aliases: ['Skift.com'] },
      { name: 'Wire X', wire: true },
    ]);
    expect(parseGazetteer(undefined)).toEqual([]);
  });

  it('rejects a malformed list with a configuration error', () => {
    expect(() => parseGazetteer('not json')).toThrow(ConfigError);
    expect(() => parseGazetteer('[{"aliases":["x"]}]')).toThrow(ConfigError);
  });
});
