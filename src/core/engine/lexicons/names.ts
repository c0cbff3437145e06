// Word lists for the name rules. General news vocabulary only: nothing from any dev article.

/** Titles and roles: capitalised, but outside person spans ("President Barack Obama"). */
export const TITLES = new Set(
  `president vice prime minister secretary chancellor king queen prince princess pope cardinal bishop archbishop
  senator sen rep representative congressman congresswoman governor gov mayor judge justice chief ambassador
  general gen colonel col major maj captain capt lieutenant lt sergeant sgt admiral commander officer inspector
  detective commissioner director chairman chairwoman chair ceo cfo coo cto founder spokesman spokeswoman spokesperson
  dr doctor professor prof mr mrs ms miss mme sir dame lord lady sheikh imam rabbi rev reverend father sister brother
  leader deputy minister analyst economist chief executive president-elect emir sultan ayatollah cleric commissioner
  mr. mrs. ms. dr. prof. gen. col. sen. rep. gov. lt. sgt. capt. st. agent attorney correspondent reporter editor
  photographer head emeritus premier foreign interior defence defense finance justice home treasury state`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that make a capitalised run an organisation when they end it (or head it with "of"). */
export const ORG_WORDS = new Set(
  `agency council bureau ministry party inc inc. corp corp. corporation company co co. ltd ltd. llc plc ag sa gmbh nv
  group bank university college school institute institution association organisation organization federation
  commission committee department police army navy force forces guard guards court tribunal union league
  parliament assembly congress senate government administration authority authorities board foundation fund trust
  society service services network networks agency airlines airline airways motors motor holdings industries
  systems technologies laboratories labs press times post news journal herald tribune gazette telegraph magazine
  review radio television tv broadcasting club team brigade brigades front movement church hospital exchange reserve
  office directorate unit cabinet chamber nations alliance coalition commission centre center`
    .split(/\s+/)
    .filter(Boolean),
);

/** Heads that make "X of Y" an organisation ("Bank of America", "Ministry of Defence"). */
export const ORG_HEADS_OF = new Set(['bank', 'ministry', 'department', 'university', 'bureau', 'office', 'council', 'court', 'league', 'house', 'board', 'federation', 'union', 'commission', 'institute', 'school', 'church', 'academy', 'chamber', 'secretary']);

/** Generic-word organisation names (start words of French/European institutions etc.). */
export const ORG_START_WORDS = new Set(['direction', 'ministère', 'banque', 'parti', 'front', 'union', 'conseil', 'bundesamt', 'federal', 'national', 'international', 'royal', 'central', 'united', 'european', 'world', 'general']);

/** Place cue words: a run ending (or starting) with one is a place. */
export const PLACE_WORDS = new Set(
  `street st. avenue ave boulevard road square place plaza bridge river lake sea ocean mountains mountain mount mt.
  island islands valley bay gulf peninsula province county district region state airport station park stadium arena
  hall cathedral palace castle tower harbour harbor port canal coast desert strait`
    .split(/\s+/)
    .filter(Boolean),
);
export const PLACE_STARTS = new Set(['place', 'rue', 'avenue', 'boulevard', 'lake', 'mount', 'mt.', 'gulf', 'city', 'port', 'cape', 'fort', 'saint', 'st.', 'lac', 'quai', 'pont', 'gare']);

/** Lower-case name particles that may sit inside (or start) a person's name. */
export const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'abou', 'ben', 'de', 'del', 'della', 'der', 'den', 'di', 'da', 'du', 'des', 'la', 'le', 'van', 'von', 'ter', 'dos', 'das', 'y', 'bint', 'ould']);
/** Lower-case connectors allowed inside organisation and place names. */
export const CONNECTORS = new Set(['of', 'de', 'du', 'des', 'la', 'le', 'les', 'del', 'di', 'da', 'der', 'van', 'von', 'for', '&', 'the', 'y', 'et', 'al', 'el', 'lès', 'sur', 'en']);

/** Words that introduce a person in apposition or report speech. */
export const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'explained', 'stated', 'noted', 'wrote', 'argued', 'warned', 'asked', 'announced', 'claimed', 'insisted', 'admitted', 'confirmed', 'replied', 'according']);

/** Well-known organisations of news text (agencies, outlets, platforms, institutions). */
export const KNOWN_ORGS = new Set(
  `Reuters|AP|AFP|Associated Press|Agence France-Presse|Bloomberg|BBC|CNN|NBC|CBS|ABC|Fox News|Al Jazeera|Xinhua|
  Facebook|Twitter|Google|Apple|Microsoft|Amazon|YouTube|Instagram|WhatsApp|Telegram|Boeing|Airbus|EADS|Ryanair|
  IBM|Intel|Samsung|Sony|Toyota|Ford|GM|Chrysler|Fiat|Volkswagen|Nissan|Honda|Daimler|DaimlerChrysler|Opel|
  NATO|UN|UNESCO|UNICEF|WHO|IMF|OPEC|EU|FBI|CIA|NSA|Interpol|Europol|Pentagon|Kremlin|Nasdaq|NYSE|
  Wikipedia|Wikinews|Yahoo|Netflix|Uber|Tesla|Nokia|Siemens|Shell|BP|Exxon|Lufthansa|Qantas|Emirates|
  Hamas|Hezbollah|Taliban|al Qaeda|al-Qaeda|Al-Qaeda|Al Qaeda|Boko Haram|ISIS|ISIL|Daesh|Islamic State|Nusra Front|
  Lehman Brothers|Goldman Sachs|Morgan Stanley|Merrill Lynch|Citigroup|JPMorgan|AIG|Fannie Mae|Freddie Mac|
  Federal Reserve|European Central Bank|Bank of England|Bank of Japan|World Bank|Red Cross|Amnesty International|
  Human Rights Watch|Greenpeace|Charlie Hebdo|Le Monde|Le Figaro|Libération|The Guardian|New York Times|Washington Post|
  Wall Street Journal|Financial Times|Der Spiegel|Foreign Affairs|Politico|Gizmodo|Macworld`
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** Capitalised words that are never names by themselves (sentence openers, pronouns, etc.). */
export const NEVER_NAMES = new Set(
  `the a an this that these those it its he she they we i you his her their our my your there here what when where
  who why how which while after before since until but and or so if as at by for from in into of on to with without
  about over under also however meanwhile yesterday today tomorrow last next first second third one two three
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august september
  october november december mr mrs ms dr no yes not all some many most more other such each every both either
  neither according despite during among between although though because once now then still even just only
  photo photos image caption video update read share follow subscribe copyright click breaking live watch
  east west north south western eastern northern southern central islamic muslim christian jewish catholic
  government police army minister ministry president state states city many several`
    .split(/\s+/)
    .filter(Boolean),
);

/** Heads of names that are not entities of our four types (treaties, laws, events). */
export const NON_ENTITY_HEADS = new Set(['agreement', 'treaty', 'accord', 'accords', 'act', 'convention', 'protocol', 'law', 'bill', 'amendment', 'doctrine', 'award', 'awards', 'prize', 'cup', 'games', 'olympics', 'championship', 'show', 'conference', 'summit', 'festival', 'war', 'index', 'average']);
