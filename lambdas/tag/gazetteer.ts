import { ConfigError } from '../shared/errors.ts';
import * as z from '../shared/zod.ts';

/**
 * News organisations the tagger recognises when a text credits them. A
 * deployment extends it (bootstrapTag's `gazetteer` option); names are
 * matched as written, with aliases, so "Vazhnye Istorii (iStories)" stays one
 * source. An outlet missing here is still found after an outlet noun ("the
 * independent outlet Verstka") or when it is a site name ("PatriotWise.com").
 * Aliases are matched case-sensitively: "Insider" the outlet, not "an insider".
 */
export interface NewsOrganisation {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly wire?: boolean;
}

export const DEFAULT_GAZETTEER: readonly NewsOrganisation[] = [
  { name: 'Associated Press', aliases: ['AP', 'The Associated Press'], wire: true },
  { name: 'Reuters', aliases: ['Thomson Reuters'], wire: true },
  { name: 'AFP', aliases: ['Agence France-Presse', 'Agence France Presse'], wire: true },
  { name: 'Bloomberg', aliases: ['Bloomberg News'] },
  { name: 'dpa', aliases: ['Deutsche Presse-Agentur'], wire: true },
  { name: 'ANSA', wire: true },
  { name: 'EFE', wire: true },
  { name: 'Interfax', wire: true },
  { name: 'TASS', wire: true },
  { name: 'RIA Novosti', wire: true },
  { name: 'UPI', aliases: ['United Press International'], wire: true },
  { name: 'Xinhua', wire: true },
  { name: 'Kyodo', aliases: ['Kyodo News'], wire: true },
  { name: 'Yonhap', wire: true },
  { name: 'PA Media', aliases: ['Press Association'], wire: true },
  { name: 'Newsweek' },
  { name: 'Meduza' },
  { name: 'Vazhnye Istorii', aliases: ['iStories', 'Important Stories'] },
  { name: 'Novaya Gazeta' },
  { name: 'The New York Times', aliases: ['New York Times', 'NYT'] },
  { name: 'The Washington Post', aliases: ['Washington Post'] },
  { name: 'The Wall Street Journal', aliases: ['Wall Street Journal', 'WSJ'] },
  { name: 'The Guardian', aliases: ['Guardian'] },
  { name: 'BBC', aliases: ['BBC News'] },
  { name: 'CNN' },
  { name: 'Fox News' },
  { name: 'NBC News' },
  { name: 'CBS News' },
  { name: 'ABC News' },
  { name: 'NPR' },
  { name: 'Politico' },
  { name: 'Axios' },
  { name: 'The Times' },
  { name: 'Financial Times', aliases: ['FT'] },
  { name: 'The Economist' },
  { name: 'Al Jazeera' },
  { name: 'Der Spiegel', aliases: ['Spiegel'] },
  { name: 'Le Monde' },
  { name: 'Kommersant' },
  { name: 'Vedomosti' },
  { name: 'RBC' },
  { name: 'The Insider' },
  { name: 'Kyiv Independent', aliases: ['The Kyiv Independent'] },
  { name: 'Ukrainska Pravda' },
  { name: 'Business Insider', aliases: ['Insider'] },
  { name: 'The Hill' },
  { name: 'USA Today' },
  { name: 'Los Angeles Times', aliases: ['LA Times'] },
  { name: 'Daily Mail' },
  { name: 'The Telegraph', aliases: ['Telegraph'] },
  { name: 'The Independent' },
  { name: 'Sky News' },
  { name: 'Euronews' },
  { name: 'Deutsche Welle', aliases: ['DW'] },
  { name: 'Radio Free Europe/Radio Liberty', aliases: ['RFE/RL', 'Radio Liberty', 'Radio Free Europe'] },
  { name: 'Axel Springer' },
  { name: 'ProPublica' },
  { name: 'CNBC' },
  { name: 'MSNBC' },
  { name: 'PBS', aliases: ['PBS NewsHour'] },
  { name: 'The Atlantic' },
  { name: 'The New Yorker' },
  { name: 'Vox' },
  { name: 'Vice', aliases: ['Vice News'] },
  { name: 'HuffPost', aliases: ['Huffington Post'] },
  { name: 'National Geographic' },
  { name: 'The Conversation' },
  { name: 'Grist' },
  { name: 'Semafor' },
  { name: 'The Intercept' },
  { name: 'Time', aliases: ['Time magazine'] },
  { name: 'Forbes' },
  { name: 'Fortune' },
  { name: 'The Times of India', aliases: ['Times of India'] },
  { name: 'Hindustan Times' },
  { name: 'South China Morning Post', aliases: ['SCMP'] },
  { name: 'NHK' },
  { name: 'Nikkei', aliases: ['Nikkei Asia'] },
  { name: 'Haaretz' },
  { name: 'The Times of Israel', aliases: ['Times of Israel'] },
  { name: 'Le Figaro' },
  { name: 'El País', aliases: ['El Pais'] },
  { name: 'Corriere della Sera' },
  { name: 'Süddeutsche Zeitung' },
  { name: 'Frankfurter Allgemeine Zeitung', aliases: ['FAZ'] },
  { name: 'Die Zeit' },
  { name: 'Bild' },
  { name: 'The Moscow Times' },
  { name: 'Novaya Gazeta Europe' },
  { name: 'Mediazona' },
  { name: 'TV Rain', aliases: ['Dozhd'] },
  { name: 'The Bell' },
  { name: 'Izvestia' },
  { name: 'RT', aliases: ['Russia Today'] },
  { name: 'Sputnik' },
  { name: 'Rossiyskaya Gazeta' },
  { name: 'Fontanka' },
  { name: 'Ukrinform', wire: true },
  { name: 'Anadolu', aliases: ['Anadolu Agency'], wire: true },
  { name: 'Jiji Press', wire: true },
  { name: 'Agence Europe' },
];

const organisationSchema = z.object({
  name: z.string().check(z.minLength(1)),
  aliases: z.optional(z.array(z.string().check(z.minLength(1)))),
  wire: z.optional(z.boolean()),
});

/** Organisations a deployment adds (SYNDICATE_GAZETTEER, a JSON array), validated at cold start. */
export function parseGazetteer(json: string | undefined): NewsOrganisation[] {
  if (!json) return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ConfigError('SYNDICATE_GAZETTEER is not valid JSON', { cause: error });
  }
  const result = z.array(organisationSchema).safeParse(value);
  if (!result.success) throw new ConfigError(`invalid SYNDICATE_GAZETTEER: ${z.prettifyError(result.error)}`);
  return result.data.map((org) => ({
    name: org.name,
    ...(org.aliases ? { aliases: org.aliases } : {}),
    ...(org.wire !== undefined ? { wire: org.wire } : {}),
  }));
}
