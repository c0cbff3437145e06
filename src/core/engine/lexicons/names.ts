// Word lists for the name rules. General news vocabulary only: nothing from any dev article.

/** Titles and roles: capitalised, but outside person spans ("President Barack Obama"). */
export const TITLES = new Set(
  `president vice prime minister secretary chancellor king queen prince princess pope cardinal bishop archbishop
  senator sen rep representative congressman congresswoman governor gov mayor judge chief ambassador
  colonel col captain capt lieutenant lt sergeant sgt admiral commander officer inspector
  detective commissioner director chairman chairwoman ceo cfo coo cto founder spokesman spokeswoman spokesperson
  dr doctor professor prof mr mrs ms miss mme sir dame lord lady sheikh imam rabbi rev reverend
  deputy minister analyst economist chief executive president-elect emir sultan ayatollah cleric commissioner
  mr. mrs. ms. dr. prof. col. sen. rep. gov. lt. sgt. capt. attorney correspondent reporter editor
  photographer emeritus negotiator mediator envoy ombudsman prosecutor lawmaker councillor councilor superintendent constable`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that make a capitalised run an organisation when they end it (or it with "of"). */
export const ORG_WORDS = new Set(
  `agency council bureau ministry party inc inc. corp corp. corporation company co co. ltd ltd. llc plc ag sa gmbh nv
  group bank university college school institute institution association organisation organization federation
  commission committee department police army navy force forces guard guards court tribunal union league
  parliament assembly congress senate government administration authority authorities board foundation fund trust
  society service services network networks agency airlines airline airways motors motor holdings industries
  systems technologies laboratories labs press times post news journal herald tribune gazette telegraph magazine
  review radio television tv broadcasting club team brigade brigades front movement church hospital exchange reserve
  office directorate unit cabinet chamber nations alliance coalition commission computer computers aircraft capital
  management research partners securities investments financial insurance energy pharmaceuticals ports
  branch rail railway railways societies affairs international`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Industry and corporate head nouns: a capitalised phrase ending in one names a company
 * ("Northern Trains", "Thames Water", "British Gas", "Royal Mail"), not a person. Kept apart
 * from ORG_WORDS so the list can grow without touching the institution cues; both are read
 * as organisation words by the rules. "Air" is left out on purpose: it closes product names
 * ("MacBook Air") as often as airlines, which carry a known first word ("Air France") anyway.
 */
export const ORG_INDUSTRY_HEADS = new Set(
  `rail rails railway railways railroad railroads train trains water gas energy power electric electricity
  airlines airline airways aviation motors motor automotive steel metals mining minerals foods food
  media telecom telecoms communications post mail bus buses coaches transport logistics shipping freight ports
  bank capital partners group holdings ventures brewery breweries pharma chemicals petroleum oil refining
  construction engineering utilities insurance telecommunications`
    .split(/\s+/)
    .filter(Boolean),
);
for (const w of ORG_INDUSTRY_HEADS) ORG_WORDS.add(w);

/** Organisation cue words, plurals included ("Unions", "Associations"). */
export const isOrgWord = (w: string): boolean => ORG_WORDS.has(w) || (w.length > 4 && w.endsWith('s') && ORG_WORDS.has(w.slice(0, -1)));

/** Heads that make "X of Y" an organisation ("Bank of America", "Ministry of Defence"). */
export const ORG_HEADS_OF = new Set(['bank', 'ministry', 'department', 'university', 'bureau', 'office', 'council', 'court', 'league', 'house', 'board', 'federation', 'union', 'commission', 'institute', 'school', 'church', 'academy', 'chamber', 'secretary',
  'confederation', 'association', 'society', 'organisation', 'organization', 'agency', 'authority', 'committee', 'alliance',
  'coalition', 'friends', 'congress', 'corporation', 'company', 'fund', 'foundation', 'party', 'movement', 'assembly']);

/** Generic-word organisation names (start words of French/European institutions etc.). */
export const ORG_START_WORDS = new Set(['direction', 'ministère', 'banque', 'parti', 'front', 'union', 'conseil', 'bundesamt', 'federal', 'national', 'international', 'royal', 'central', 'united', 'european', 'world', 'general']);

/** Place cue words: a run ending (or starting) with one is a place. */
export const PLACE_WORDS = new Set(
  `street st. avenue ave boulevard road square place plaza bridge river lake sea ocean mountains mountain mount mt.
  island islands valley bay gulf peninsula province county district region airport station park stadium arena
  hall cathedral palace castle tower harbour harbor port canal coast desert strait center centre theater theatre`
    .split(/\s+/)
    .filter(Boolean),
);
/** First words that make a name a place whatever its last word ("Palais des Nations"). */
export const PLACE_FIRST = new Set(['palais', 'place', 'rue', 'quai', 'pont', 'gare', 'piazza', 'plaza', 'avenida', 'calle', 'via', 'lake', 'mount', 'cape', 'isle']);
export const PLACE_STARTS = new Set(['place', 'rue', 'avenue', 'boulevard', 'lake', 'mount', 'mt.', 'gulf', 'city', 'port', 'cape', 'fort', 'saint', 'st.', 'lac', 'quai', 'pont', 'gare']);

/** Lower-case name particles that may sit inside (or start) a person's name. */
export const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'abou', 'ben', 'de', 'del', 'della', 'der', 'den', 'di', 'da', 'du', 'des', 'la', 'le', 'van', 'von', 'ter', 'dos', 'das', 'y', 'bint', 'ould']);
/** Lower-case connectors allowed inside organisation and place names. */
export const CONNECTORS = new Set(['of', 'de', 'du', 'des', 'la', 'le', 'les', 'del', 'della', 'di', 'da', 'der', 'den', 'ter', 'dos', 'das', 'van', 'von', 'for', '&', 'the', 'y', 'et', 'al', 'el', 'lès', 'sur', 'en', 'bin', 'ibn', 'bint', 'ben', 'abu', 'ould']);

/** Words that introduce a person in apposition or report speech. */
export const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'explained', 'stated', 'noted', 'wrote', 'argued', 'warned', 'asked', 'announced', 'claimed', 'insisted', 'admitted', 'confirmed', 'replied', 'according']);

/** Well-known organisations of news text (agencies, outlets, platforms, institutions). */
export const KNOWN_ORGS = new Set(
  `Reuters|AP|AFP|Associated Press|Agence France-Presse|Bloomberg|BBC|CNN|NBC|CBS|ABC|Fox News|Al Jazeera|Xinhua|
  Facebook|Twitter|Google|Apple|Microsoft|Amazon|YouTube|Instagram|WhatsApp|Telegram|Boeing|Airbus|EADS|Ryanair|
  IBM|Intel|Samsung|Sony|Toyota|Ford|GM|Chrysler|Fiat|Volkswagen|Nissan|Honda|Daimler|DaimlerChrysler|Opel|
  NATO|UN|UNESCO|UNICEF|WHO|IMF|OPEC|EU|FBI|CIA|NSA|Interpol|Europol|Pentagon|Kremlin|NYSE|
  Wikipedia|Wikinews|Yahoo|Netflix|Uber|Tesla|Nokia|Siemens|Shell|BP|Exxon|Lufthansa|Qantas|Emirates|
  Hamas|Hezbollah|Taliban|al Qaeda|al-Qaeda|Al-Qaeda|Al Qaeda|Boko Haram|ISIS|ISIL|Daesh|Islamic State|Nusra Front|
  Lehman Brothers|Goldman Sachs|Morgan Stanley|Merrill Lynch|Citigroup|JPMorgan|AIG|Fannie Mae|Freddie Mac|
  Federal Reserve|European Central Bank|Bank of England|Bank of Japan|World Bank|Red Cross|Amnesty International|
  Human Rights Watch|Greenpeace|Le Monde|Le Figaro|Libération|The Guardian|New York Times|Washington Post|
  Wall Street Journal|Financial Times|Der Spiegel|Politico|
  Senate|Congress|Parliament|Bundestag|Knesset|Duma|Pentagon|Vatican Bank|
  General Motors|General Electric|Ford Motor Company|Lockheed Martin|Northrop Grumman|Raytheon|BAE Systems|Rolls-Royce|
  Wal-Mart|Walmart|Best Buy|Target|Costco|Home Depot|Procter & Gamble|Johnson & Johnson|Coca-Cola|PepsiCo|McDonald's|
  Starbucks|Nike|Disney|Time Warner|Comcast|Verizon|AT&T|Sprint|T-Mobile|Vodafone|Orange|Deutsche Telekom|
  Hewlett-Packard|HP|Dell|Oracle|Cisco|Qualcomm|Nvidia|AMD|Adobe|Salesforce|PayPal|eBay|Alibaba|Tencent|Baidu|Huawei|
  Lenovo|LG|Hyundai|Kia|BMW|Mercedes-Benz|Audi|Porsche|Renault|Peugeot|Citroën|Volvo|Saab|Tata|Mitsubishi|Mazda|Subaru|
  Suzuki|Chevrolet|Cadillac|Buick|Pontiac|Saturn|Hummer|Dodge|Jeep|Lexus|Embraer|Bombardier|Cessna|Gulfstream|
  American Airlines|United Airlines|Delta Air Lines|Southwest Airlines|British Airways|Air France|KLM|Singapore Airlines|
  Cathay Pacific|easyJet|Aeroflot|Alitalia|Iberia|Swissair|Virgin Atlantic|Virgin|JetBlue|
  Bank of America|Wells Fargo|Citibank|HSBC|Barclays|Deutsche Bank|UBS|Credit Suisse|BNP Paribas|Société Générale|
  Santander|ING|Allianz|AXA|Berkshire Hathaway|BlackRock|Fidelity|Merrill|Bear Stearns|Washington Mutual|WorldCom|Enron|
  Chevron|ExxonMobil|ConocoPhillips|Total|Gazprom|Rosneft|Saudi Aramco|Petrobras|Pfizer|Merck|Novartis|Roche|Bayer|
  Sanofi|GlaxoSmithKline|AstraZeneca|Monsanto|Nestlé|Unilever|Danone|Carrefour|Tesco|IKEA|H&M|Zara|
  Standard & Poor's|Moody's|Fitch|Nielsen|Gartner|IDC|NPD|Ernst & Young|Deloitte|KPMG|PricewaterhouseCoopers|McKinsey|
  GAO|SEC|FDA|EPA|NASA|FAA|NTSB|DHS|DOJ|IRS|ECB|OECD|WTO|ASEAN|G7|G8|G20|Eurogroup|Eurostat|IAEA|UNHCR|ICC|FIFA|IOC|
  Ofcom|Scotland Yard|MI5|MI6|GCHQ|Mossad|FSB|KGB|Stasi|Europol|Frontex|Médecins Sans Frontières|Oxfam|
  Associated Press|United Press International|Dow Jones & Company|News Corp|Thomson Reuters|Bloomberg News|Agence France Presse|
  Ars Technica|TechCrunch|Wired|Engadget|The Verge|Axios|Vox|BuzzFeed|HuffPost|Huffington Post|Newsweek|Time|Forbes|Fortune|
  The Economist|Economist|The Independent|The Times|Daily Mail|The Sun|Daily Telegraph|Sky News|ITV|Channel 4|
  Deutsche Welle|RT|Al Arabiya|Haaretz|Le Parisien|El País|Corriere della Sera|La Repubblica|NHK|Kyodo|Yonhap|TASS|RIA Novosti|Interfax`
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
  many several later earlier unlike like despite amid following`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that are never a name on their own, though they may open one ("Ministry of Fisheries"). */
export const NEVER_ALONE = new Set(
  `east west north south western eastern northern southern central islamic muslim christian jewish catholic
  government police army minister ministry president state states city court company group party bank agency
  council committee department office union market markets stock stocks shares index`
    .split(/\s+/)
    .filter(Boolean),
);

/** Heads of names that are not entities of our four types (treaties, laws, events). */
export const NON_ENTITY_HEADS = new Set(['agreement', 'treaty', 'accord', 'accords', 'act', 'convention', 'protocol', 'law', 'bill', 'amendment', 'doctrine', 'award', 'awards', 'prize', 'cup', 'games', 'olympics', 'championship', 'show', 'conference', 'summit', 'festival', 'war', 'index', 'average']);

/** Financial indices and markets: names, but of none of our four types. */
export const NOT_ENTITIES = new Set(
  `Dow|Dow Jones|Dow Jones Industrial Average|DJIA|FTSE|FTSE 100|Nikkei|Nikkei 225|Hang Seng|DAX|CAC|CAC 40|S&P|S&P 500|
  Nasdaq Composite|Euro Stoxx|Stoxx|Kospi|Sensex|Bovespa|IBEX|MIB|TSX|ASX|RTS|MICEX|Shanghai Composite|UTC|GMT|EST|EDT|
  PST|CET|BST|AM|PM|CEO|CFO|COO|CTO|GDP|PDF|USD|EUR|GBP|JPY|CNY|TV|DVD|CD|SMS|URL|HTML|OK|PhD|MBA|SUV|SUVs|IPO|AIDS|HIV|
  DNA|ID|IT|PC|PCs|GPS|LED|LCD|TNT|TATP|RPG|AK|NB|PS|FAQ|ATM|VAT|SDK|API|OS|CPU|GPU|RAM|USB|WiFi|Wi-Fi|Internet|Web|
  Nasdaq|Christmas|Christmas Eve|Christmas Day|New Year|New Year's Eve|New Year's Day|Easter|Thanksgiving|Ramadan|Eid|
  Hanukkah|Passover|Diwali|Halloween|Lent|Advent|Boxing Day|Labor Day|Labour Day|Memorial Day|Independence Day|Bastille Day`
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean),
);

/** Nouns after a name that make it a venue ("the Bataclan concert hall", "La Belle Equipe cafe"). */
export const VENUE_NOUNS = /^\s+(?:cafe|café|restaurant|bar|bistro|hotel|concert hall|theatre|theater|stadium|arena|museum|church|mosque|synagogue|cathedral|square|market|mall|airport|station|prison|hospital|district|neighbo(?:u)?rhood|suburb)\b/i;

/**
 * Kinds of organisation written right after a name ("Lusa news agency", "the Citizens Advice
 * charity"), with at most one modifier between. Words that also follow people ("team", "party",
 * "group", "family") are left out, and so are "maker" words, which follow categories as often
 * ("Aircraft manufacturer Boeing").
 */
export const ORG_NOUNS_AFTER = /^\s+(?:(?:news|state|budget|national|regional|local|daily|online|private|public|independent|consumer|energy|rail|water|transport|financial|industry)\s+)?(?:agency|newspaper|magazine|tabloid|broadcaster|airline|carrier|charity|lender|insurer|regulator|watchdog|retailer|operator|conglomerate|consultancy|website|think[- ]tank)\b/i;

/** Institution words after a country name that leave only the country as a name ("US Government"). */
export const STATE_NOUNS = new Set(['government', 'administration', 'authorities', 'military', 'economy', 'embassy', 'treasury']);

/** Lower-case descriptors right before a name that say what it is ("engine maker Europrop"). */
export const ORG_DESCRIPTORS = new Set(
  `airline carrier company firm maker manufacturer automaker carmaker airframer chipmaker retailer bank lender insurer
  group conglomerate giant rival subsidiary startup consortium union newspaper magazine tabloid daily broadcaster
  network channel blog website agency regulator watchdog party club team plant operator supplier distributor developer
  publisher studio label brand charity organisation organization institute university fund line`
    .split(/\s+/)
    .filter(Boolean),
);
export const PLACE_DESCRIPTORS = new Set(['city', 'town', 'village', 'region', 'province', 'county', 'district', 'capital', 'suburb', 'island', 'country', 'neighbourhood', 'neighborhood', 'resort', 'port']);
/** Portfolios in "Secretary of State John Kerry": skipped between a title and a name. */
export const PORTFOLIOS = new Set(['state', 'defense', 'defence', 'energy', 'commerce', 'labor', 'labour', 'justice', 'health', 'education', 'transportation', 'transport', 'agriculture', 'treasury', 'finance', 'interior', 'housing', 'war', 'the']);

/** Prepositions that title-case organisation names keep capitalised ("Reporters Without Borders"). */
export const INNER_TITLE_WORDS = new Set(['without', 'for', 'against', 'beyond', 'across', 'with', 'sans', 'over', 'under']);
