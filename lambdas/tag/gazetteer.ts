/**
 * News organisations the tagger recognises when a text credits them. A
 * deployment extends it (SYNDICATE_GAZETTEER / the outlet registry); names are
 * matched as written, with aliases, so "Vazhnye Istorii (iStories)" stays one
 * source.
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
];
