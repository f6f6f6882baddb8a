/**
 * A deterministic synthetic dataset for load and scale tests: the same sizes give the same rows (ids, text, dates)
 * on every machine. Entities get name-based ids (`stableId(kind, "dataset:<n>")`), so the three subgraphs' rows
 * reference each other without asking, exactly as the seed does. Rows come out as PostgreSQL COPY text lines.
 */
import { stableId } from "@newsfed/kit/ids";

export interface DatasetSizes {
  articles: number;
  officials: number;
  organizations: number;
  initiatives: number;
  events: number;
}

/** The reference sizes (`--articles 100000`); other article counts scale every kind in proportion. */
export const REFERENCE_SIZES: DatasetSizes = {
  articles: 100_000,
  officials: 5_000,
  organizations: 1_000,
  initiatives: 2_000,
  events: 20_000,
};

export function sizesFor(articles: number): DatasetSizes {
  const scale = (n: number, min: number) => Math.max(min, Math.round((n * articles) / REFERENCE_SIZES.articles));
  return {
    articles,
    officials: scale(REFERENCE_SIZES.officials, 20),
    organizations: scale(REFERENCE_SIZES.organizations, 10),
    initiatives: scale(REFERENCE_SIZES.initiatives, 10),
    events: scale(REFERENCE_SIZES.events, 40),
  };
}

/** The id of the n-th synthetic entity of a kind. */
export const datasetId = (kind: string, n: number): string => stableId(kind, `dataset:${n}`);

/** A small, fast, seeded PRNG (mulberry32): the dataset depends on nothing but its sizes. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const int = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
/** Index in [0, n) skewed towards 0 (a few entities are in the news far more often than the rest). */
const skewed = (random: () => number, n: number) => Math.min(n - 1, Math.floor(n * random() ** 2.2));

// ---------------------------------------------------------------------------------------------------------------
// COPY text format

/** One COPY text field: \N for null, backslash escapes for the characters the format reserves. */
export function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : text;
}

/** A text[] literal with every element quoted. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

export const line = (...fields: (string | number | null | undefined)[]): string => `${fields.map(field).join("\t")}\n`;

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

export const COUNTRIES: readonly [string, string][] = [
  ["MY", "Malaysia"],
  ["US", "United States"],
  ["SG", "Singapore"],
  ["VN", "Vietnam"],
  ["JP", "Japan"],
  ["ID", "Indonesia"],
  ["TH", "Thailand"],
  ["PH", "Philippines"],
  ["KH", "Cambodia"],
  ["LA", "Laos"],
  ["MM", "Myanmar"],
  ["BN", "Brunei"],
  ["CN", "China"],
  ["KR", "South Korea"],
  ["IN", "India"],
  ["AU", "Australia"],
  ["NZ", "New Zealand"],
  ["GB", "United Kingdom"],
  ["FR", "France"],
  ["DE", "Germany"],
  ["IT", "Italy"],
  ["ES", "Spain"],
  ["NL", "Netherlands"],
  ["SE", "Sweden"],
  ["FI", "Finland"],
  ["NO", "Norway"],
  ["DK", "Denmark"],
  ["PL", "Poland"],
  ["CA", "Canada"],
  ["MX", "Mexico"],
  ["BR", "Brazil"],
  ["AR", "Argentina"],
  ["CL", "Chile"],
  ["ZA", "South Africa"],
  ["NG", "Nigeria"],
  ["KE", "Kenya"],
  ["EG", "Egypt"],
  ["AE", "United Arab Emirates"],
  ["SA", "Saudi Arabia"],
  ["TR", "Turkey"],
  ["IL", "Israel"],
  ["PK", "Pakistan"],
  ["BD", "Bangladesh"],
  ["LK", "Sri Lanka"],
  ["TW", "Taiwan"],
  ["HK", "Hong Kong"],
  ["IE", "Ireland"],
  ["CH", "Switzerland"],
  ["AT", "Austria"],
  ["BE", "Belgium"],
];

// In order of how often stories are about them (mildly skewed: the first about 3 times as often as the last).
const THEMES = [
  "DIGITAL_ECONOMY",
  "TRADE",
  "INVESTMENT",
  "TELECOMMUNICATIONS_5G",
  "DATA_CENTRES",
  "TECHNOLOGY_TRANSFER",
  "CYBERSECURITY",
  "SUBMARINE_CABLES",
  "CLOUD_COMPUTING",
  "ARTIFICIAL_INTELLIGENCE",
  "INTERNET_OF_THINGS",
  "SUPPLY_CHAIN",
  "SEMICONDUCTORS",
] as const;
const theme = (random: () => number) => THEMES[Math.min(THEMES.length - 1, Math.floor(THEMES.length * random() ** 1.3))]!;

/** Words that make a story about each theme (searchable, stemmed by PostgreSQL's English configuration). */
const THEME_WORDS: Record<(typeof THEMES)[number], readonly string[]> = {
  CYBERSECURITY: ["cybersecurity", "ransomware", "breach", "encryption", "threat", "malware", "resilience"],
  DIGITAL_ECONOMY: ["digital", "economy", "e-commerce", "payments", "startups", "platforms", "fintech"],
  TECHNOLOGY_TRANSFER: ["technology", "transfer", "know-how", "licensing", "training", "skills", "research"],
  INVESTMENT: ["investment", "capital", "fund", "investors", "billion", "financing", "venture"],
  TELECOMMUNICATIONS_5G: ["5G", "spectrum", "telecommunications", "network", "operators", "rollout", "towers"],
  DATA_CENTRES: ["data", "centres", "hyperscale", "servers", "capacity", "power", "cooling"],
  SUBMARINE_CABLES: ["submarine", "cable", "landing", "bandwidth", "subsea", "fibre", "route"],
  CLOUD_COMPUTING: ["cloud", "computing", "migration", "services", "hosting", "sovereign", "workloads"],
  ARTIFICIAL_INTELLIGENCE: ["AI", "artificial", "intelligence", "models", "automation", "algorithms", "compute"],
  INTERNET_OF_THINGS: ["sensors", "devices", "IoT", "smart", "connected", "grid", "meters"],
  SUPPLY_CHAIN: ["supply", "chain", "logistics", "shipping", "ports", "shortages", "sourcing"],
  SEMICONDUCTORS: ["semiconductors", "chips", "wafer", "foundry", "fabrication", "packaging", "design"],
  TRADE: ["trade", "tariffs", "exports", "imports", "agreement", "market", "partners"],
};

const COMMON = [
  "minister",
  "government",
  "said",
  "meeting",
  "cooperation",
  "bilateral",
  "officials",
  "agreed",
  "plan",
  "policy",
  "regional",
  "partnership",
  "ministry",
  "strategy",
  "programme",
  "growth",
  "development",
  "support",
  "project",
  "initiative",
  "leaders",
  "week",
  "talks",
  "framework",
  "announced",
  "sector",
  "industry",
  "companies",
  "national",
  "public",
  "private",
  "countries",
  "region",
  "infrastructure",
  "international",
  "officials",
  "visit",
  "delegation",
  "memorandum",
  "understanding",
  "signed",
  "future",
  "priority",
  "capacity",
  "innovation",
  "economic",
  "statement",
  "discussed",
  "ways",
  "strengthen",
  "ties",
  "expand",
  "joint",
  "working",
  "group",
  "launch",
  "next",
  "year",
  "reform",
  "law",
  "regulation",
  "standards",
  "security",
  "talent",
  "education",
  "universities",
  "workers",
  "jobs",
];

const FIRST = [
  "Aiko",
  "Ahmad",
  "Amelia",
  "Anh",
  "Arjun",
  "Beatriz",
  "Carlos",
  "Chen",
  "Daniel",
  "Dewi",
  "Elena",
  "Farah",
  "Gabriel",
  "Hana",
  "Hiroshi",
  "Ibrahim",
  "Isabel",
  "Jasmine",
  "Jonas",
  "Kamal",
  "Kim",
  "Lars",
  "Leila",
  "Linh",
  "Lucas",
  "Maria",
  "Mei",
  "Mohamed",
  "Nadia",
  "Nguyen",
  "Olivia",
  "Omar",
  "Priya",
  "Rafael",
  "Rina",
  "Samuel",
  "Sara",
  "Siti",
  "Sofia",
  "Tan",
  "Thomas",
  "Wei",
  "Yusuf",
  "Zainab",
  "Ravi",
  "Ana",
  "Kenji",
  "Grace",
];
const LAST = [
  "Abdullah",
  "Alvarez",
  "Bakar",
  "Bennett",
  "Chandra",
  "Cheng",
  "Dang",
  "Dubois",
  "Eriksen",
  "Fernandes",
  "Goh",
  "Gupta",
  "Haddad",
  "Hashim",
  "Hoang",
  "Ibrahim",
  "Ishikawa",
  "Jensen",
  "Kaur",
  "Khan",
  "Kowalski",
  "Lam",
  "Lee",
  "Lim",
  "Mahmud",
  "Martins",
  "Mendoza",
  "Morales",
  "Nakamura",
  "Novak",
  "Ong",
  "Osman",
  "Park",
  "Pereira",
  "Pham",
  "Rahman",
  "Reyes",
  "Rossi",
  "Santos",
  "Sato",
  "Schmidt",
  "Silva",
  "Suzuki",
  "Tanaka",
  "Tran",
  "Vargas",
  "Wang",
  "Wong",
  "Yamamoto",
  "Yusof",
  "Zhang",
  "Ziegler",
  "Okafor",
  "Mensah",
];
const HONORIFICS = ["Dato'", "Tan Sri", "Dr", "Datuk", "Hon.", null, null, null, null, null];
const KINDS_OF_ORG = ["GOVERNMENT", "MINISTRY", "DEPARTMENT", "AGENCY", "NEWS_AGENCY", "COMPANY", "OTHER"];
const ORG_TOPICS = [
  "Digital Affairs",
  "Communications",
  "Trade and Industry",
  "Science and Technology",
  "Finance",
  "Foreign Affairs",
  "Economic Planning",
  "Cyber Security",
  "Data Protection",
  "Investment",
  "Infrastructure",
  "Telecommunications",
  "Innovation",
  "Energy",
  "Education",
  "Transport",
  "Commerce",
  "Statistics",
];
const TITLES = ["Minister of", "Deputy Minister of", "Secretary of", "Director-General of", "Chair of", "Adviser on"];
const STATUSES = ["PROPOSED", "ANNOUNCED", "ACTIVE", "COMPLETED", "SUSPENDED"];
const EVENT_KINDS = ["MEETING", "VISIT", "ANNOUNCEMENT", "LAUNCH", "SIGNING"];
const OUTCOME_STATUSES = ["AGREED_IN_PRINCIPLE", "FOLLOW_UP", "SIGNED", "IMPLEMENTED"];
const PLACES = [
  "Kuala Lumpur",
  "Washington",
  "Singapore",
  "Hanoi",
  "Tokyo",
  "Jakarta",
  "Bangkok",
  "Manila",
  "Seoul",
  "Putrajaya",
  "Geneva",
  "Brussels",
  "London",
  "Canberra",
  "New Delhi",
  "Beijing",
  "Paris",
  "Berlin",
];
const AGENCIES = [
  ["Vietnam News Agency", "VNA"],
  ["Bernama", "BNM"],
  ["Newsfed Wire", "NFW"],
  ["Asia Desk", "ASD"],
] as const;

// ---------------------------------------------------------------------------------------------------------------
// Entities

const DAY = 86_400_000;
const START = Date.UTC(2015, 0, 1);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Audit columns of every generated row: created and updated at a fixed time, by "dataset". */
const AUDIT_AT = "2026-01-01T00:00:00.000Z";
const AUDIT = [AUDIT_AT, AUDIT_AT, "dataset"] as const;

export interface Official {
  id: string;
  name: string;
  displayName: string;
  countryCode: string;
}

/** Officials and organizations are needed by articles (names for mentions) as well as by their own subgraph. */
export function officialsOf(sizes: DatasetSizes): Official[] {
  const random = prng(11);
  // A name is held once per country (the officials subgraph's natural key, decision 0011): a drawn pair that exists
  // is drawn again (deterministically: the same generator, in the same order).
  const taken = new Set<string>();
  return Array.from({ length: sizes.officials }, (_, n) => {
    const honorific = pick(random, HONORIFICS);
    const countryCode = COUNTRIES[skewed(random, COUNTRIES.length)]![0];
    let name: string;
    do name = `${pick(random, FIRST)} ${String.fromCharCode(65 + (n % 26))}. ${pick(random, LAST)}`;
    while (taken.has(`${name}|${countryCode}`));
    taken.add(`${name}|${countryCode}`);
    return {
      id: datasetId("official", n),
      name,
      displayName: honorific ? `${honorific} ${name}` : name,
      countryCode,
    };
  });
}

export interface Initiative {
  id: string;
  name: string;
  theme: (typeof THEMES)[number];
}

export function initiativesOf(sizes: DatasetSizes): Initiative[] {
  const random = prng(23);
  return Array.from({ length: sizes.initiatives }, (_, n) => {
    const topic = theme(random);
    const words = THEME_WORDS[topic];
    return {
      id: datasetId("initiative", n),
      name: `${capitalize(pick(random, words))} ${capitalize(pick(random, words))} ${pick(random, ["Plan", "Programme", "Framework", "Partnership", "Roadmap", "Blueprint"])} ${n}`,
      theme: topic,
    };
  });
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Rows of the officials subgraph: countries (inserted apart, they may exist), organizations, officials, positions. */
export function* officialsRows(sizes: DatasetSizes) {
  const random = prng(31);
  const organizations = function* () {
    for (let n = 0; n < sizes.organizations; n++) {
      const country = COUNTRIES[skewed(random, COUNTRIES.length)]!;
      const topic = pick(random, ORG_TOPICS);
      const kind = pick(random, KINDS_OF_ORG);
      const name = `${country[1]} ${kind === "COMPANY" ? `${topic} Corporation` : `Office of ${topic}`} ${n}`;
      const acronym = name
        .split(/\s+/)
        .filter((word) => /^[A-Z]/.test(word))
        .map((word) => word[0])
        .join("");
      yield line(datasetId("organization", n), name, acronym, kind, country[0], ...AUDIT);
    }
  };
  const people = officialsOf(sizes);
  const officials = function* () {
    for (const [n, official] of people.entries()) {
      const honorific = official.displayName === official.name ? null : official.displayName.slice(0, -official.name.length - 1);
      const last = official.name.split(" ").at(-1)!;
      const otherNames = n % 3 === 0 ? [last, official.name.replace(/ [A-Z]\. /, " ")] : [];
      yield line(official.id, official.name, honorific, pgArray(otherNames), official.countryCode, ...AUDIT);
    }
  };
  const positions = function* () {
    const r = prng(41);
    for (let n = 0; n < sizes.officials; n++) {
      const count = int(r, 1, 3);
      let end = START + int(r, 2000, 4200) * DAY; // the latest post may still be held (end null)
      for (let p = 0; p < count; p++) {
        const start = end - int(r, 200, 1500) * DAY;
        const current = p === 0 && r() < 0.6;
        yield line(
          datasetId("position", n * 4 + p),
          datasetId("official", n),
          `${pick(r, TITLES)} ${pick(r, ORG_TOPICS)}`,
          datasetId("organization", int(r, 0, sizes.organizations - 1)),
          isoDay(start),
          current ? null : isoDay(end),
        );
        end = start - int(r, 30, 400) * DAY;
      }
    }
  };
  yield { table: "officials.organizations", columns: ORGANIZATION_COLUMNS, rows: organizations() };
  yield { table: "officials.officials", columns: OFFICIAL_COLUMNS, rows: officials() };
  yield { table: "officials.positions", columns: POSITION_COLUMNS, rows: positions() };
}

const AUDIT_COLUMNS = ["created_at", "updated_at", "updated_by"];
const ORGANIZATION_COLUMNS = ["id", "name", "acronym", "kind", "country_code", ...AUDIT_COLUMNS];
const OFFICIAL_COLUMNS = ["id", "name", "honorific_prefix", "other_names", "country_code", ...AUDIT_COLUMNS];
const POSITION_COLUMNS = ["id", "official_id", "title", "organization_id", "start_date", "end_date"];

/** Rows of the policy subgraph: initiatives and champions, events with participants, countries, initiatives, outcomes. */
export function* policyRows(sizes: DatasetSizes) {
  const initiatives = initiativesOf(sizes);
  const initiativeRows = function* () {
    const r = prng(43);
    for (const [n, initiative] of initiatives.entries()) {
      const words = THEME_WORDS[initiative.theme];
      const description = `A ${pick(r, ["national", "regional", "bilateral", "joint"])} effort on ${words.slice(0, 3).join(", ")} and ${pick(r, COMMON)} ${pick(r, COMMON)}.`;
      yield line(
        initiative.id,
        initiative.name,
        n % 4 === 0 ? `I${n}` : null,
        description,
        COUNTRIES[skewed(r, COUNTRIES.length)]![0],
        pick(r, STATUSES),
        pgArray([initiative.theme]),
        isoDay(START + int(r, 0, 3900) * DAY),
        datasetId("organization", int(r, 0, sizes.organizations - 1)),
        ...AUDIT,
      );
    }
  };
  const champions = function* () {
    const r = prng(47);
    for (const initiative of initiatives) {
      const chosen = new Set<number>();
      for (let c = int(r, 1, 3); c > 0; c--) chosen.add(skewed(r, sizes.officials));
      let position = 0;
      for (const official of chosen) yield line(initiative.id, datasetId("official", official), position++);
    }
  };
  const events = function* () {
    const r = prng(53);
    for (let n = 0; n < sizes.events; n++) {
      const start = START + int(r, 0, 4000) * DAY;
      const topic = theme(r);
      const place = pick(r, PLACES);
      const parent = n > 10 && r() < 0.1 ? datasetId("event", int(r, 0, n - 1)) : null;
      yield line(
        datasetId("event", n),
        pick(r, EVENT_KINDS),
        `${capitalize(pick(r, THEME_WORDS[topic]))} ${pick(r, ["talks", "forum", "summit", "visit", "signing", "launch"])} in ${place} ${n}`,
        isoDay(start),
        r() < 0.3 ? isoDay(start + int(r, 1, 4) * DAY) : null,
        place,
        COUNTRIES[skewed(r, COUNTRIES.length)]![0],
        parent,
        pgArray([topic]),
        ...AUDIT,
      );
    }
  };
  const participants = function* () {
    const r = prng(59);
    for (let n = 0; n < sizes.events; n++) {
      const chosen = new Set<number>();
      for (let c = int(r, 2, 4); c > 0; c--) chosen.add(skewed(r, sizes.officials));
      let position = 0;
      for (const official of chosen) yield line(datasetId("event", n), datasetId("official", official), position++);
    }
  };
  const eventCountries = function* () {
    const r = prng(61);
    for (let n = 0; n < sizes.events; n++) {
      const chosen = new Set<string>();
      for (let c = int(r, 1, 2); c > 0; c--) chosen.add(COUNTRIES[skewed(r, COUNTRIES.length)]![0]);
      let position = 0;
      for (const code of chosen) yield line(datasetId("event", n), code, position++);
    }
  };
  const eventInitiatives = function* () {
    const r = prng(67);
    for (let n = 0; n < sizes.events; n++) {
      const chosen = new Set<number>();
      for (let c = int(r, 0, 2); c > 0; c--) chosen.add(skewed(r, sizes.initiatives));
      let position = 0;
      for (const initiative of chosen) yield line(datasetId("event", n), datasetId("initiative", initiative), position++);
    }
  };
  const outcomes = function* () {
    const r = prng(71);
    for (let n = 0; n < sizes.events; n++) {
      for (let o = int(r, 0, 3), position = 0; position < o; position++) {
        yield line(
          datasetId("outcome", n * 4 + position),
          datasetId("event", n),
          position,
          `The parties ${pick(r, ["agreed to", "will", "plan to", "committed to"])} ${pick(r, COMMON)} ${pick(r, COMMON)} ${pick(r, COMMON)}.`,
          pick(r, OUTCOME_STATUSES),
          pgArray([theme(r)]),
        );
      }
    }
  };
  yield { table: "policy.initiatives", columns: INITIATIVE_COLUMNS, rows: initiativeRows() };
  yield { table: "policy.initiative_champions", columns: ["initiative_id", "official_id", "position"], rows: champions() };
  yield { table: "policy.events", columns: EVENT_COLUMNS, rows: events() };
  yield { table: "policy.event_participants", columns: ["event_id", "official_id", "position"], rows: participants() };
  yield { table: "policy.event_countries", columns: ["event_id", "country_code", "position"], rows: eventCountries() };
  yield { table: "policy.event_initiatives", columns: ["event_id", "initiative_id", "position"], rows: eventInitiatives() };
  yield { table: "policy.outcomes", columns: ["id", "event_id", "position", "statement", "status", "themes"], rows: outcomes() };
}

const INITIATIVE_COLUMNS = [
  "id",
  "name",
  "acronym",
  "description",
  "country_code",
  "status",
  "themes",
  "start_date",
  "lead_organization_id",
  ...AUDIT_COLUMNS,
];
const EVENT_COLUMNS = [
  "id",
  "kind",
  "title",
  "start_date",
  "end_date",
  "location_name",
  "location_country_code",
  "parent_id",
  "themes",
  ...AUDIT_COLUMNS,
];
const ARTICLE_COLUMNS = [
  "id",
  "slug",
  "headline",
  "summary",
  "body",
  "published_at",
  "source_name",
  "source_code",
  "dateline_place",
  "dateline_agency",
  "photo_caption",
  "photo_credit",
  "url",
  "themes",
  "content_hash",
  ...AUDIT_COLUMNS,
];
const MENTION_COLUMNS = ["id", "article_id", "surface_text", "kind", "start", "end", "confidence", "ref_id"];

/**
 * Rows of the articles subgraph: articles (a theme's words, common news words, the officials, initiatives and
 * countries they name), their links to those entities (and to events), and the mentions located in their bodies.
 */
export function* articlesRows(sizes: DatasetSizes) {
  const officials = officialsOf(sizes);
  const initiatives = initiativesOf(sizes);
  const links: string[] = [];
  const mentions: string[] = [];
  const articles = function* () {
    const r = prng(73);
    for (let n = 0; n < sizes.articles; n++) {
      const id = datasetId("article", n);
      const topic = theme(r);
      const words = THEME_WORDS[topic];
      const named = new Map<number, Official>();
      for (let c = int(r, 1, 3); c > 0; c--) {
        const index = skewed(r, officials.length);
        named.set(index, officials[index]!);
      }
      const initiative = r() < 0.5 ? initiatives[skewed(r, initiatives.length)] : undefined;
      const country = COUNTRIES[skewed(r, COUNTRIES.length)]!;
      const place = pick(r, PLACES);
      const [agency, agencyCode] = pick(r, AGENCIES);
      const headline = `${capitalize(pick(r, words))} ${pick(r, words)} ${pick(r, ["talks", "deal", "plan", "push", "boost", "review"])} in ${country[1]} (${n})`;
      // The body: sentences of common and theme words, each naming one of the article's entities.
      let body = `${place} (${agencyCode}) - `;
      const found: [string, string, number, number, string][] = [];
      const mention = (text: string, kind: string, refId: string) => {
        found.push([text, kind, body.length, body.length + text.length, refId]);
        body += text;
      };
      const sentence = () => {
        const parts: string[] = [];
        for (let w = int(r, 8, 14); w > 0; w--) parts.push(r() < 0.35 ? pick(r, words) : pick(r, COMMON));
        return parts.join(" ");
      };
      for (const official of named.values()) {
        mention(official.displayName, "OFFICIAL", official.id);
        body += ` ${sentence()}. `;
      }
      if (initiative) {
        body += "Under the ";
        mention(initiative.name, "INITIATIVE", initiative.id);
        body += `, ${sentence()}. `;
      }
      mention(country[1], "COUNTRY", country[0]);
      body += ` ${sentence()}. ${capitalize(sentence())}.`;
      // Stories arrive roughly in the order they are published (as a wire feed does): ids follow time, with jitter.
      const published = START + Math.floor(((n + r() * 50) / sizes.articles) * 4000 * DAY);
      let position = 0;
      for (const official of named.values()) links.push(line(id, "OFFICIAL", official.id, position++));
      if (initiative) links.push(line(id, "INITIATIVE", initiative.id, position++));
      links.push(line(id, "COUNTRY", country[0], position++));
      if (r() < 0.4) links.push(line(id, "EVENT", datasetId("event", skewed(r, sizes.events)), position++));
      if (r() < 0.2) links.push(line(id, "ORGANIZATION", datasetId("organization", skewed(r, sizes.organizations)), position++));
      for (const [index, [text, kind, start, end, refId]] of found.entries()) {
        mentions.push(line(datasetId("mention", n * 8 + index), id, text, kind, start, end, 1, refId));
      }
      yield line(
        id,
        `dataset-${n}`,
        headline,
        `${capitalize(sentence())}.`,
        body,
        new Date(published).toISOString(),
        agency,
        agencyCode,
        place,
        agencyCode,
        null,
        null,
        `https://example.org/news/dataset-${n}`,
        pgArray([topic]),
        null,
        ...AUDIT,
      );
    }
  };
  // Links and mentions are made with their article; they are written after it (foreign keys).
  const drain = function* (buffer: string[]) {
    yield* buffer;
    buffer.length = 0;
  };
  yield { table: "articles.articles", columns: ARTICLE_COLUMNS, rows: articles() };
  yield { table: "articles.article_links", columns: ["article_id", "kind", "ref_id", "position"], rows: drain(links) };
  yield { table: "articles.mentions", columns: MENTION_COLUMNS, rows: drain(mentions) };
}

export interface TableRows {
  table: string;
  columns: readonly string[];
  rows: Iterable<string>;
}

export type ServiceName = "articles" | "officials" | "policy";

export const rowsOf = (service: ServiceName, sizes: DatasetSizes): Iterable<TableRows> =>
  service === "articles" ? articlesRows(sizes) : service === "officials" ? officialsRows(sizes) : policyRows(sizes);

/** The marker row of each subgraph's dataset: its first and (one past) its last entity. */
export const MARKERS: Record<ServiceName, { table: string; kind: string; count: (sizes: DatasetSizes) => number }> = {
  articles: { table: "articles.articles", kind: "article", count: (sizes) => sizes.articles },
  officials: { table: "officials.officials", kind: "official", count: (sizes) => sizes.officials },
  policy: { table: "policy.events", kind: "event", count: (sizes) => sizes.events },
};
