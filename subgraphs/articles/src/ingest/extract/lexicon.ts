/**
 * The vocabulary the extractor reads news with: countries (names, short forms, demonyms), places, honorifics, the
 * words of official titles, the heads of organization and initiative names, theme keywords and event verbs. Plain data:
 * what a wire editor knows without looking anything up. Entities themselves (officials, initiatives, organizations)
 * are never listed here; they are looked up from their owners.
 */

export interface CountryEntry {
  code: string;
  /** The name as the API's countries use it, e.g. "United States". */
  name: string;
  /** Other names and abbreviations that stand for the country in running text. */
  aliases?: readonly string[];
  /** Adjectives of the country ("Malaysian"); a demonym names the country with less confidence than its name. */
  demonyms?: readonly string[];
}

export const COUNTRIES: readonly CountryEntry[] = [
  { code: "AE", name: "United Arab Emirates", aliases: ["UAE"], demonyms: ["Emirati"] },
  { code: "AR", name: "Argentina", demonyms: ["Argentine", "Argentinian"] },
  { code: "AU", name: "Australia", demonyms: ["Australian"] },
  { code: "BD", name: "Bangladesh", demonyms: ["Bangladeshi"] },
  { code: "BN", name: "Brunei", aliases: ["Brunei Darussalam"], demonyms: ["Bruneian"] },
  { code: "BR", name: "Brazil", demonyms: ["Brazilian"] },
  { code: "CA", name: "Canada", demonyms: ["Canadian"] },
  { code: "CH", name: "Switzerland", demonyms: ["Swiss"] },
  { code: "CL", name: "Chile", demonyms: ["Chilean"] },
  { code: "CN", name: "China", demonyms: ["Chinese"] },
  { code: "DE", name: "Germany", demonyms: ["German"] },
  { code: "DK", name: "Denmark", demonyms: ["Danish"] },
  { code: "EG", name: "Egypt", demonyms: ["Egyptian"] },
  { code: "ES", name: "Spain", demonyms: ["Spanish"] },
  { code: "FI", name: "Finland", demonyms: ["Finnish"] },
  { code: "FR", name: "France", demonyms: ["French"] },
  { code: "GB", name: "United Kingdom", aliases: ["UK", "U.K.", "Britain", "Great Britain"], demonyms: ["British"] },
  { code: "ID", name: "Indonesia", demonyms: ["Indonesian"] },
  { code: "IE", name: "Ireland", demonyms: ["Irish"] },
  { code: "IL", name: "Israel", demonyms: ["Israeli"] },
  { code: "IN", name: "India", demonyms: ["Indian"] },
  { code: "IT", name: "Italy", demonyms: ["Italian"] },
  { code: "JP", name: "Japan", demonyms: ["Japanese"] },
  { code: "KH", name: "Cambodia", demonyms: ["Cambodian"] },
  { code: "KR", name: "South Korea", aliases: ["Republic of Korea", "Korea", "RoK"], demonyms: ["South Korean", "Korean"] },
  { code: "LA", name: "Laos", aliases: ["Lao PDR"], demonyms: ["Lao", "Laotian"] },
  { code: "MM", name: "Myanmar", aliases: ["Burma"], demonyms: ["Burmese"] },
  { code: "MX", name: "Mexico", demonyms: ["Mexican"] },
  { code: "MY", name: "Malaysia", demonyms: ["Malaysian"] },
  { code: "NL", name: "Netherlands", aliases: ["the Netherlands"], demonyms: ["Dutch"] },
  { code: "NO", name: "Norway", demonyms: ["Norwegian"] },
  { code: "NZ", name: "New Zealand", demonyms: ["New Zealander"] },
  { code: "PH", name: "Philippines", aliases: ["the Philippines"], demonyms: ["Philippine", "Filipino"] },
  { code: "PK", name: "Pakistan", demonyms: ["Pakistani"] },
  { code: "PL", name: "Poland", demonyms: ["Polish"] },
  { code: "QA", name: "Qatar", demonyms: ["Qatari"] },
  { code: "RU", name: "Russia", demonyms: ["Russian"] },
  { code: "SA", name: "Saudi Arabia", demonyms: ["Saudi"] },
  { code: "SE", name: "Sweden", demonyms: ["Swedish"] },
  { code: "SG", name: "Singapore", demonyms: ["Singaporean"] },
  { code: "TH", name: "Thailand", demonyms: ["Thai"] },
  { code: "TL", name: "Timor-Leste", aliases: ["East Timor"], demonyms: ["Timorese"] },
  { code: "TR", name: "Türkiye", aliases: ["Turkey"], demonyms: ["Turkish"] },
  { code: "TW", name: "Taiwan", demonyms: ["Taiwanese"] },
  { code: "UA", name: "Ukraine", demonyms: ["Ukrainian"] },
  { code: "US", name: "United States", aliases: ["US", "U.S.", "USA", "United States of America"], demonyms: ["American"] },
  { code: "VN", name: "Vietnam", aliases: ["Viet Nam", "Việt Nam"], demonyms: ["Vietnamese"] },
  { code: "ZA", name: "South Africa", demonyms: ["South African"] },
];

/** Places news names that are not countries, with the country they are in (null for regions). */
export const PLACES: Readonly<Record<string, string | null>> = {
  Asia: null,
  "Southeast Asia": null,
  "South-East Asia": null,
  "East Asia": null,
  "Asia-Pacific": null,
  "Asia Pacific": null,
  Europe: null,
  Africa: null,
  "Latin America": null,
  "Middle East": null,
  "the Pacific": null,
  "Indo-Pacific": null,
  Hanoi: "VN",
  "Ha Noi": "VN",
  "Hà Nội": "VN",
  "Ho Chi Minh City": "VN",
  "Da Nang": "VN",
  "Đà Nẵng": "VN",
  "Hai Phong": "VN",
  "Can Tho": "VN",
  "Kuala Lumpur": "MY",
  Putrajaya: "MY",
  Cyberjaya: "MY",
  Penang: "MY",
  "Johor Bahru": "MY",
  Kuching: "MY",
  "Kota Kinabalu": "MY",
  Tokyo: "JP",
  Osaka: "JP",
  Kyoto: "JP",
  Hiroshima: "JP",
  Yokohama: "JP",
  Washington: "US",
  "Washington, D.C.": "US",
  "New York": "US",
  "San Francisco": "US",
  "Silicon Valley": "US",
  "Los Angeles": "US",
  Honolulu: "US",
  Jakarta: "ID",
  Bali: "ID",
  Surabaya: "ID",
  Nusantara: "ID",
  Bangkok: "TH",
  "Chiang Mai": "TH",
  "Chon Buri": "TH",
  Phuket: "TH",
  Manila: "PH",
  Cebu: "PH",
  Davao: "PH",
  Seoul: "KR",
  Busan: "KR",
  Incheon: "KR",
  Beijing: "CN",
  Shanghai: "CN",
  Shenzhen: "CN",
  "Hong Kong": "CN",
  Canberra: "AU",
  Sydney: "AU",
  Melbourne: "AU",
  "New Delhi": "IN",
  Delhi: "IN",
  Mumbai: "IN",
  Bengaluru: "IN",
  "Phnom Penh": "KH",
  Vientiane: "LA",
  Yangon: "MM",
  "Nay Pyi Taw": "MM",
  Naypyidaw: "MM",
  "Bandar Seri Begawan": "BN",
  Dili: "TL",
  Taipei: "TW",
  London: "GB",
  Paris: "FR",
  Berlin: "DE",
  Brussels: null,
  Geneva: "CH",
  Ottawa: "CA",
  Wellington: "NZ",
  Dubai: "AE",
  "Abu Dhabi": "AE",
};

/** Honorifics that precede a name ("Tan Sri Annuar Musa"); multi-word ones first. */
export const HONORIFICS: readonly string[] = [
  "Tengku Datuk Seri",
  "Tan Sri Dato' Sri",
  "Tan Sri Datuk",
  "Tan Sri",
  "Datuk Seri Utama",
  "Datuk Seri Panglima",
  "Datuk Seri",
  "Dato' Sri",
  "Dato Sri",
  "Datuk Patinggi",
  "Datuk Amar",
  "Datuk",
  "Dato'",
  "Dato",
  "Datin Paduka",
  "Datin",
  "Puan Sri",
  "Toh Puan",
  "Tun",
  "Tengku",
  "Tunku",
  "Raja",
  "Pehin",
  "Haji",
  "Hajah",
  "Dr.",
  "Dr",
  "Mr.",
  "Mr",
  "Mrs.",
  "Mrs",
  "Ms.",
  "Ms",
  "Madam",
  "Prof.",
  "Prof",
  "Professor",
  "H.E.",
  "His Excellency",
  "Her Excellency",
  "Sir",
  "Dame",
];

/** The head of an official title; the longest matching head wins ("Deputy Prime Minister" over "Minister"). */
export const TITLE_HEADS: readonly string[] = [
  "Deputy Prime Minister",
  "Prime Minister",
  "Senior Minister",
  "Deputy Minister",
  "Vice Minister",
  "State Minister",
  "Minister of State",
  "Minister",
  "Deputy Secretary",
  "Under Secretary",
  "Undersecretary",
  "Assistant Secretary",
  "Permanent Secretary",
  "Secretary-General",
  "Secretary General",
  "General Secretary",
  "Secretary",
  "Vice President",
  "President",
  "Vice Premier",
  "Premier",
  "Chancellor",
  "Ambassador",
  "Governor",
  "Chief Secretary",
  "Chairman",
  "Chairwoman",
  "Chairperson",
  "Director-General",
  "Director General",
  "Commissioner",
  "Trade Representative",
  "Special Envoy",
  "Envoy",
  "Mayor",
];

/** Title heads whose post belongs to no single ministry or department (no organization is derived for them). */
export const TITLES_WITHOUT_ORGANIZATION = new Set([
  "Prime Minister",
  "Deputy Prime Minister",
  "Senior Minister",
  "Minister of State",
  "President",
  "Vice President",
  "Premier",
  "Vice Premier",
  "Chancellor",
  "Ambassador",
  "Governor",
  "Mayor",
  "Secretary-General",
  "Secretary General",
  "General Secretary",
  "Special Envoy",
  "Envoy",
  "Trade Representative",
  "Chairman",
  "Chairwoman",
  "Chairperson",
  "Commissioner",
  "Director-General",
  "Director General",
  "Chief Secretary",
]);

/** Words before a title head that belong to it ("Acting Minister"). */
export const TITLE_MODIFIERS = new Set(["Acting", "Interim", "Former", "First", "Second", "Senior", "Deputy", "Vice"]);

/**
 * Words of a portfolio ("Minister of Information and Communications", "Communications and Multimedia Minister"):
 * a title runs over them; the first capitalized word outside them starts the name.
 */
export const PORTFOLIO_WORDS = new Set(
  (
    "Affairs Agriculture Arts Broadcasting Budget Cabinet Change Climate Commerce Communication Communications Consumer " +
    "Cooperation Cooperatives Culture Customs Cybersecurity Data Defence Defense Development Digital Economic Economy " +
    "Education Employment Energy Enterprise Entrepreneur Entrepreneurship Environment External Family Finance Fisheries " +
    "Foreign Forestry Government Health Heritage Higher Home Housing Human Industries Industry Informatics Information " +
    "Infrastructure Innovation Intelligence Interior Internal International Investment Justice Labor Labour Land Law " +
    "Legal Local Manpower Media Mines Mining Multimedia National Natural Planning Policy Post Posts Power Public " +
    "Regional Relations Research Resources Revenue Rural Science Security Services Smart Social Society Sports State " +
    "Sustainability Technology Telecommunications Tourism Trade Transport Transportation Treasury Unity Urban Water " +
    "Welfare Women Works Youth ICT IT AI"
  ).split(" "),
);

/** Short portfolio words a title uses that stand for a longer portfolio name. */
export const PORTFOLIO_EXPANSIONS: Readonly<Record<string, string>> = {
  Foreign: "Foreign Affairs",
  Home: "Home Affairs",
};

/** Organization name heads, with the kind an organization so named is. */
export const ORGANIZATION_HEADS: Readonly<Record<string, string>> = {
  Ministry: "MINISTRY",
  Department: "DEPARTMENT",
  Agency: "AGENCY",
  Authority: "AGENCY",
  Commission: "AGENCY",
  Bureau: "AGENCY",
  Office: "AGENCY",
  Board: "AGENCY",
  Council: "OTHER",
  Committee: "OTHER",
  Administration: "AGENCY",
  Corporation: "COMPANY",
  Company: "COMPANY",
  Berhad: "COMPANY",
  Bhd: "COMPANY",
  Group: "COMPANY",
  Inc: "COMPANY",
  Ltd: "COMPANY",
  Limited: "COMPANY",
  Bank: "OTHER",
  Association: "OTHER",
  Institute: "OTHER",
  Centre: "OTHER",
  Center: "OTHER",
  Federation: "OTHER",
  Chamber: "OTHER",
  Organisation: "OTHER",
  Organization: "OTHER",
  Forum: "OTHER",
  University: "OTHER",
  Union: "OTHER",
};

/** Initiative name heads ("… Blueprint (MyDIGITAL)", "the … Programme"). */
export const INITIATIVE_HEADS = new Set(
  (
    "Blueprint Plan Programme Program Initiative Framework Strategy Partnership Roadmap Agenda Vision Masterplan " +
    "Movement Policy Scheme Project Fund Corridor Compact Pact Agreement Accord Charter Mission Drive"
  ).split(" "),
);

/** Lower-case heads of a named initiative ("the Smart Nation initiative"). */
export const INITIATIVE_LOWER_HEADS = new Set(["initiative", "programme", "program", "plan", "strategy", "blueprint", "roadmap"]);

/** Lower-case heads of a described initiative ("the Malaysian government's plan for 5G roll out", "Malaysia's 5G rollout"). */
export const DESCRIBED_INITIATIVE_HEADS = new Set(["plan", "programme", "program", "strategy", "rollout", "roll-out"]);

/** Theme keywords: a phrase (lower case, whole words) → PolicyTheme. */
export const THEME_KEYWORDS: readonly (readonly [string, string])[] = [
  ["cybersecurity", "CYBERSECURITY"],
  ["cyber security", "CYBERSECURITY"],
  ["cyber-security", "CYBERSECURITY"],
  ["digital economy", "DIGITAL_ECONOMY"],
  ["digital transformation", "DIGITAL_ECONOMY"],
  ["digital government", "DIGITAL_ECONOMY"],
  ["digital trade", "DIGITAL_ECONOMY"],
  ["e-commerce", "DIGITAL_ECONOMY"],
  ["digital literacy", "DIGITAL_ECONOMY"],
  ["technology transfer", "TECHNOLOGY_TRANSFER"],
  ["transfer of technology", "TECHNOLOGY_TRANSFER"],
  ["invest", "INVESTMENT"],
  ["invests", "INVESTMENT"],
  ["investing", "INVESTMENT"],
  ["investment", "INVESTMENT"],
  ["investments", "INVESTMENT"],
  ["investors", "INVESTMENT"],
  ["5g", "TELECOMMUNICATIONS_5G"],
  ["broadband", "TELECOMMUNICATIONS_5G"],
  ["telecommunications", "TELECOMMUNICATIONS_5G"],
  ["data centre", "DATA_CENTRES"],
  ["data centres", "DATA_CENTRES"],
  ["data center", "DATA_CENTRES"],
  ["data centers", "DATA_CENTRES"],
  ["submarine cable", "SUBMARINE_CABLES"],
  ["submarine cables", "SUBMARINE_CABLES"],
  ["undersea cable", "SUBMARINE_CABLES"],
  ["undersea cables", "SUBMARINE_CABLES"],
  ["cloud computing", "CLOUD_COMPUTING"],
  ["cloud services", "CLOUD_COMPUTING"],
  ["artificial intelligence", "ARTIFICIAL_INTELLIGENCE"],
  ["ai", "ARTIFICIAL_INTELLIGENCE"],
  ["internet of things", "INTERNET_OF_THINGS"],
  ["iot", "INTERNET_OF_THINGS"],
  ["supply chain", "SUPPLY_CHAIN"],
  ["supply chains", "SUPPLY_CHAIN"],
  ["semiconductor", "SEMICONDUCTORS"],
  ["semiconductors", "SEMICONDUCTORS"],
  ["chip", "SEMICONDUCTORS"],
  ["chips", "SEMICONDUCTORS"],
  ["chipmakers", "SEMICONDUCTORS"],
  ["trade", "TRADE"],
  ["exports", "TRADE"],
  ["export controls", "TRADE"],
];

/** Verbs that attribute speech ("Annuar said"): a capitalized name before one looks like a person. */
export const SPEECH_VERBS = new Set([
  "said",
  "says",
  "told",
  "added",
  "noted",
  "stressed",
  "affirmed",
  "stated",
  "announced",
  "emphasised",
  "emphasized",
  "explained",
  "highlighted",
  "urged",
  "invited",
  "welcomed",
]);

/** Sentence words that make a meeting of the officials the sentence names. */
export const MEETING_WORDS = new Set(["met", "meets", "meeting", "talks", "received", "receives", "hosted", "hosts"]);

/** Nouns that make a visit (a trip) of the official the sentence names. */
export const VISIT_WORDS = new Set(["visit", "trip", "tour"]);

/** Spelled-out durations ("a two-day visit"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/**
 * Well-known news agencies by the code in a dateline: the source name when the organizations subgraph knows none by
 * that acronym.
 */
export const AGENCIES: Readonly<Record<string, string>> = {
  VNA: "Vietnam News Agency",
  Bernama: "Bernama",
  Kyodo: "Kyodo News",
  Antara: "Antara",
  Yonhap: "Yonhap News Agency",
  PNA: "Philippine News Agency",
  NNT: "National News Bureau of Thailand",
  AAP: "Australian Associated Press",
  AFP: "Agence France-Presse",
  Reuters: "Reuters",
  AP: "Associated Press",
  Xinhua: "Xinhua News Agency",
  KPL: "Lao News Agency",
  AKP: "Agence Kampuchea Presse",
  MNA: "Myanmar News Agency",
  CNA: "CNA",
  PTI: "Press Trust of India",
};

/** Capitalized words that never start or continue a name (sentence starts, months, days, determiners). */
export const NOT_NAME_WORDS = new Set(
  (
    "The A An This That These Those It Its He She His Her They Their We Our In On At Of For To From By With And Or But As " +
    "After Before During Under Over Also According Speaking Meanwhile However While When Where Both All Each Every Other " +
    "January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug " +
    "Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tomorrow " +
    "Government Party State National Central General Minister Ministry Secretary Department President Ambassador " +
    "Southeast Asian European African Internet Things"
  ).split(" "),
);

/** Lower-case particles inside a person's name ("Annuar bin Musa", "Ursula von der Leyen"). */
export const NAME_PARTICLES = new Set(["bin", "binti", "bte", "van", "von", "der", "de", "da", "al", "el"]);
