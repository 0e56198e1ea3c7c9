/**
 * Word lists the open-vocabulary credit reader weighs a name with: words that
 * make a name read as a news organisation, words that make it some other kind
 * of body, and words that say a person is meant. Generic vocabulary, not names
 * of particular outlets (those are in the gazetteer).
 */
const set = (words: string) => new Set(words.split(/\s+/u).filter(Boolean));

/** Words inside a name that mark a news organisation: "Kathmandu Post", "Rádio Xingu", "Gulf Journal". */
export const NEWS_WORDS = set(`
  Times Post Herald News Noticias Notícias Nachrichten Radio Rádio Rádió Radyo TV Television Televisión
  Televisão Télévision Televizija Broadcasting Broadcaster Press Presse Prensa Gazette Gazeta Gazzetta Gazete
  Journal Jornal Tribune Tribuna Chronicle Crónica Cronaca Diario Diário Daily Weekly Zeitung Kurier Courier
  Courrier Correio Corriere Standard Observer Sentinel Star Mail Telegraph Telegraaf Express Guardian
  Independent Reporter Reporters Monitor Mirror Echo Examiner Dispatch Bulletin Register Record Globe Sun
  Inquirer Ledger Clarion Beacon Advertiser Argus Citizen Rundschau Tageblatt Tagesspiegel Allgemeine
  Abendblatt Anzeiger Dagblad Posten Tidning Tidningen Sanomat Haber Akhbar Samachar Patrika Shimbun Ilbo
  Sinmun Wire Newswire Online Magazine Magazin Revista Revue Review Digest Insider Channel FM Heraldo Periódico
  Periodico Semanario Quotidien Hebdo Matin Soir Dépêche Pravda Vesti Novosti Informador Noticiero Telegram
  Newsroom Newspaper Gazet Courant Enquirer Dispatch Bugle Clarín Nación Tempo Express Examiner Leader
  Pioneer Mercury Statesman Chronicle Democrat Republican Transcript Free Tidende Avis Avisa Blad Kronika
  Messenger Noviny Novine Listy Vjesnik Dnevnik Dziennik Nyheter Lehti Notizie Nouvelles Nieuws Nieuwsblad
  Nyheder Uutiset Wiadomości Izvestia Khabar Berita Balita Habari Giornale Quotidiano Tageszeitung Vijesti
  Shimpo Nippo Hírlap Haberleri Akhbār Vartha Observador Observateur Beobachter Osservatore Radiotelevizija
  Radiotelevisión Radiotelevisione Radiotelevisão Radiodiffusion Rundfunk Televizioni Televiziunea Hoje Hoy
  Heute Idag Noticiário Actualidad Actualité Aktuell Nyhetsbyrå
`);

/** Nouns that, before or after a name, say it is a news organisation: "the German weekly X", "X, the daily". */
export const NEWS_DESCRIPTORS = set(`
  newspaper newspapers paper daily weekly monthly tabloid broadcaster broadcasters radio television TV
  station channel magazine outlet outlets site website portal publication newsroom newsletter wire newswire
  gazette newsmagazine network fortnightly biweekly broadsheet podcast
`);
/** Descriptor heads that count only after a news word: "news agency", "wire service", "trade journal". */
export const QUALIFIED_DESCRIPTORS = new Map<string, Set<string>>([
  ['agency', set('news press wire state')],
  ['service', set('news wire')],
  ['page', set('news')],
  ['journal', set('trade business industry')],
  ['network', set('television TV radio news broadcast')],
]);

/** Name words of bodies that are not news organisations; as a name's head they settle it. */
export const OTHER_BODY_WORDS = set(`
  Ministry Ministries Department Police Court Courts Tribunal Commission Council Parliament Senate Congress
  Assembly Government Administration Office Authority Agency Bank Board Bureau Institute Institution
  University College School Academy Hospital Clinic Foundation Association Federation Union Organization
  Organisation Fund Committee Party Coalition Alliance Society Club League Church Corporation Company Inc
  Ltd LLC PLC GmbH Group Holdings Partners Capital Energy Motors Airlines Airways Technologies Technology
  Labs Systems Services Solutions Logistics Industries Pharmaceuticals Insurance Center Centre Hall Lane
  Street Road Avenue Square Park Bridge Angels Terminal Prize Award Awards Festival Cup Games Championship
  Museum Library Airport Prison Detention Army Navy Force Forces Guard Command Watch Observatory Platform
  Exchange Index Study Survey Programme Program Project Initiative Network Service Ministry Secretariat
  Cabinet Presidency Municipality County City State Province Region District Registry Regulator Electoral
  Election Elections Customs Trust Laboratory Lab Inc. Ltd. Co Co. Corp Corp. Studio Studios Records Pictures
  Entertainment Team FC United Rovers Athletic Stadium Hotel Restaurant Mall Market Markets Airport Port
  Shipping Mining Oil Gas Power Petroleum Steel Cement Foods Farms Bakery Brewery Pharmacy
`);
/** Other-body words a strong news word outweighs: "Australian Broadcasting Corporation", "Radio Network". */
export const SOFT_OTHER_WORDS = set(
  `Corporation Company Group Network Service Association Agency Inc Ltd LLC Trust`,
);
/** News words strong enough to outweigh SOFT_OTHER_WORDS. */
export const STRONG_NEWS_WORDS = set(
  `News Radio Rádio TV Television Broadcasting Press Presse Newspaper Noticias Notícias`,
);

/** Titles before a person's name. */
export const TITLES = set(`
  Dr Dr. Mr Mr. Mrs Mrs. Ms Ms. Prof Prof. Sen Sen. Rep Rep. Gov Gov. Gen Gen. Col Col. Capt Capt. Lt Lt. Sgt
  Sgt. Sir Dame Lord Lady President Minister Judge Justice Mayor Governor Senator Chief Inspector Sheriff
  Officer Detective Rev Rev. Father Sister Brother King Queen Prince Princess Secretary Chancellor Ambassador
  Commissioner Director Professor Councillor Councilman Councilwoman Assemblyman Assemblywoman Congressman
  Congresswoman Sheikh Imam Rabbi Bishop Pope Saint St St. Coach Captain Attorney
`);
/** Lowercase words right before a name that say it is a person: "spokesman X", "lawyer X". */
export const PERSON_NOUNS = set(`
  spokesman spokeswoman spokesperson lawyer lawyers attorney analyst analysts economist councillor councilor
  organiser organizer official officials minister director president chief executive founder resident farmer
  teacher doctor researcher scientist professor editor reporter correspondent journalist columnist coach
  manager player chairman chairwoman chair secretary leader activist expert lawmaker senator mayor governor
  candidate owner CEO producer anchor host presenter writer author photographer commentator striker
  midfielder defender goalkeeper captain singer actor actress rapper engineer nurse student mother father
  son daughter wife husband brother sister neighbour neighbor witness victim prosecutor judge sheriff
  inspector officer detective trustee member members
`);
/** Lowercase nouns after a name that make it a modifier, not the party credited: "X staff", "X correspondent". */
export const MODIFIER_NOUNS = set(`
  staff staffer staffers employee employees journalist journalists reporter reporters correspondent
  correspondents columnist columnists editor editors writer writers worker workers owner owners management
  union unions newsroom offices office headquarters building bureau chief anchor host presenter producer
  award awards prize strike strikers board shareholders subscribers readers viewers listeners audience
  podcast show programme program app account accounts website site page pages platform brand logo parent
  sale deal buyer buyers archive archives crew team interns contributor contributors photographer
  photographers cameraman licence license broadcast frequency
`);
/** Capitalised words that stand at a sentence's start or before a name without being part of it. */
export const STOP_WORDS = set(`
  The A An As And But Or So Yet Also However Meanwhile Separately Earlier Later Last Next This That These
  Those It Its He She They We I You His Her Their Our Your In On At By For From With Without After Before
  During Since Until When While Where Although Though If Because According Citing Per Via Both Neither
  Either Now Then Today Yesterday Tonight Only Even Still What Which Who Why How Not No Unlike Like Under
  Over Between Among Despite Amid Following Asked Speaking Reporting Writing Instead Indeed Elsewhere
  Overall Finally First Second Initially Previously Recently Soon Several Some Many Most Other Others
  Another Each Every All Such Here There Once Twice Across Against Along Around Into Onto Through Toward
  Towards Upon Within Beyond Behind Below Above Near Off Out Up Down Just Nor Whether Whose Whom Mr Ms
  Mrs Dr Sources Officials Police Reports Report Local State Several Two Three Four Five
`);
/** Lowercase words that may join the words of one name: "Folha de S.Paulo", "Corriere della Sera". */
export const CONNECTORS = set(
  `of de da di do dos das del della dei degli des du der den die la le les el los las y e et und the van von al en och og i na za`,
);
export const CALENDAR_WORDS = set(`
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
`);
/** What follows "X reported" when X reports a figure of its own, not news: "reported a loss", "reported 30 cases". */
export const FIGURE_WORDS = set(`
  loss losses profit profits revenue revenues earnings sales income deficit surplus growth decline drop
  fall rise increase decrease jump surge record quarterly annual results deliveries cases deaths infections
  outages outage shipments orders turnover dividend output production figures numbers its their his her
  net gross strong weak higher lower
`);
