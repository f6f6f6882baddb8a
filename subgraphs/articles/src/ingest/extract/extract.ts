import * as chrono from "chrono-node";
import { nameKey } from "@newsfed/kit/names";
import type { WireStory } from "../../wire/wire-story.js";
import {
  COUNTRIES,
  type CountryEntry,
  DESCRIBED_INITIATIVE_HEADS,
  HONORIFICS,
  INITIATIVE_HEADS,
  INITIATIVE_LOWER_HEADS,
  MEETING_WORDS,
  NAME_PARTICLES,
  NOT_NAME_WORDS,
  NUMBER_WORDS,
  ORGANIZATION_HEADS,
  PLACES,
  PORTFOLIO_EXPANSIONS,
  PORTFOLIO_WORDS,
  SPEECH_VERBS,
  THEME_KEYWORDS,
  TITLE_HEADS,
  TITLE_MODIFIERS,
  TITLES_WITHOUT_ORGANIZATION,
  VISIT_WORDS,
} from "./lexicon.js";
import { PhraseMatcher, type Sentence, sentencesOf, type Token, tokenize } from "./text.js";

// ---------------------------------------------------------------------------------------------------------------------
// What the extractor finds in a story: candidates, not entities. The pipeline looks each one up with its owner, links
// what exists and creates what it may.
// ---------------------------------------------------------------------------------------------------------------------

/** A surface form of a candidate in the body, and how sure a mention of it is. */
export type Forms = Map<string, number>;

export interface PostCandidate {
  /** Normalized title, e.g. "Minister of Communications and Multimedia", "Secretary of Commerce". */
  title: string;
  /** The organization the post belongs to, derived from the title ("Ministry of …"); null for heads of state etc. */
  organization: OrganizationCandidate | null;
}

export interface PersonCandidate {
  /** Name key of the name: persons of the story are one per key. */
  key: string;
  /** The name without honorific or title, as written. */
  name: string;
  honorific: string | null;
  /** Country of the post (ISO code): stated by the title ("US", "Malaysia's", "Vietnamese") or the dateline's. */
  country: string | null;
  /** The text states `country` (a qualifier of the title), rather than it being the dateline's. */
  countryStated: boolean;
  post: PostCandidate | null;
  forms: Forms;
  /** Offset of the first mention. */
  first: number;
}

export interface OrganizationCandidate {
  key: string;
  name: string | null;
  acronym: string | null;
  country: string | null;
  kind: string;
  /** Stated in the text as "Name (ACRONYM)" or as a post's organization: may be created. Otherwise only looked up. */
  creatable: boolean;
  /** Names to look it up by (name, acronym, other spellings). */
  lookup: string[];
  forms: Forms;
  first: number;
}

export interface InitiativeCandidate {
  key: string;
  name: string | null;
  acronym: string | null;
  country: string | null;
  status: "ANNOUNCED" | "ACTIVE";
  themes: string[];
  creatable: boolean;
  lookup: string[];
  forms: Forms;
  first: number;
  /** Persons who launched it (its champions when created). */
  launchedBy: string[];
}

export interface OutcomeCandidate {
  statement: string;
  status: "AGREED_IN_PRINCIPLE" | "FOLLOW_UP" | "SIGNED" | "IMPLEMENTED";
  themes: string[];
}

export interface EventCandidate {
  /** Local key: kind, date and participants. */
  key: string;
  kind: "MEETING" | "VISIT" | "LAUNCH" | "SIGNING" | "ANNOUNCEMENT";
  title: string;
  startDate: string;
  endDate: string | null;
  location: { name: string; countryCode: string | null } | null;
  /** Person keys, in the order the text names them. */
  participants: string[];
  countries: string[];
  themes: string[];
  /** Initiative keys discussed or advanced. */
  initiatives: string[];
  outcomes: OutcomeCandidate[];
  /** A visit the text gives no date range for: linked when one is known, never created. */
  linkOnly: boolean;
  /** Local key of the story's visit this event is part of. */
  parent: string | null;
  first: number;
}

export interface Extraction {
  persons: PersonCandidate[];
  organizations: OrganizationCandidate[];
  initiatives: InitiativeCandidate[];
  events: EventCandidate[];
  countries: { code: string; forms: Forms; first: number }[];
  places: { name: string; countryCode: string | null; first: number }[];
  /** Proper names that look like a person or an organization but are no candidate: mentions without a link. */
  unlinked: { text: string; kind: "OFFICIAL" | "ORGANIZATION"; first: number }[];
  themes: string[];
  /** The dateline place's country: where unqualified titles and national programmes belong. */
  homeCountry: string | null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Lexicon matchers (built once).
// ---------------------------------------------------------------------------------------------------------------------

type CountryHit = { entry: CountryEntry; form: "name" | "alias" | "demonym" };
const COUNTRY_MATCHER = new PhraseMatcher<CountryHit>();
for (const entry of COUNTRIES) {
  COUNTRY_MATCHER.add(entry.name, { entry, form: "name" });
  for (const alias of entry.aliases ?? []) COUNTRY_MATCHER.add(alias, { entry, form: "alias" });
  for (const demonym of entry.demonyms ?? []) COUNTRY_MATCHER.add(demonym, { entry, form: "demonym" });
}
const COUNTRY_BY_CODE = new Map(COUNTRIES.map((entry) => [entry.code, entry]));
const COUNTRY_BY_KEY = new Map<string, CountryEntry>();
for (const entry of COUNTRIES) {
  for (const form of [entry.name, ...(entry.aliases ?? [])]) COUNTRY_BY_KEY.set(nameKey(form), entry);
}

const PLACE_MATCHER = new PhraseMatcher<string>();
for (const place of Object.keys(PLACES)) PLACE_MATCHER.add(place, place);
const HONORIFIC_MATCHER = new PhraseMatcher<string>();
for (const honorific of HONORIFICS) HONORIFIC_MATCHER.add(honorific, honorific);
const TITLE_MATCHER = new PhraseMatcher<string>();
for (const head of TITLE_HEADS) TITLE_MATCHER.add(head, head);
const THEME_MATCHER = new PhraseMatcher<string>((text) => text.toLowerCase());
for (const [phrase, theme] of THEME_KEYWORDS) THEME_MATCHER.add(phrase, theme);

/** All-capitals words that are no organization or initiative acronym. */
const COMMON_ACRONYMS = new Set([
  "AI",
  "IT",
  "ICT",
  "IOT",
  "CEO",
  "GDP",
  "FDI",
  "SME",
  "SMES",
  "MOU",
  "G20",
  "G7",
  "US",
  "UK",
  "EU",
  "UN",
  "PM",
]);
const CONNECTORS = new Set(["of", "and", "for", "&", "on", "in"]);
/** Capitalized words that do not begin an organization's or initiative's name (sentence starts, dates). */
const NOT_ENTITY_WORDS = new Set(
  (
    "The A An This That These Those It Its He She His Her They Their We Our In On At Of For To From By With And Or But As " +
    "After Before During Under Over Also According Speaking Meanwhile However While When Where Both All Each Every Other " +
    "January February March April May June July August September October November December Monday Tuesday Wednesday " +
    "Thursday Friday Saturday Sunday"
  ).split(" "),
);

// ---------------------------------------------------------------------------------------------------------------------

const isWord = (token: Token | undefined): token is Token => token?.kind === "word";
const isCapitalized = (token: Token | undefined): boolean => isWord(token) && /^\p{Lu}/u.test(token.text);
const isAcronym = (text: string) =>
  /^[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*$/u.test(text) && text.length >= 2 && /\p{Lu}.*\p{Lu}/u.test(text);
const mixedAcronym = (text: string) => /^\p{L}[\p{L}\p{N}]*$/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 3;
const textOf = (body: string, tokens: readonly Token[], from: number, to: number) =>
  body.slice(tokens[from]!.start, tokens[to - 1]!.end);

/**
 * At most this many candidates of each kind per story: real stories name a few dozen; the bound keeps every step
 * linear in the text however adversarial it is (candidates beyond it are not extracted).
 */
export const MAX_CANDIDATES = 100;
const MAX_EVENTS = 50;

/** Extracts the candidates of a story. Linear in the body's length (every scan is bounded per token). */
export function extractStory(story: WireStory): Extraction {
  return new Extractor(story).run();
}

class Extractor {
  private readonly body: string;
  private readonly tokens: Token[];
  private readonly sentences: Sentence[];
  /** Which tokens already belong to a recognized name (so later scans skip them). */
  private readonly claimed: Uint8Array;
  private readonly countryAt = new Map<number, [CountryHit, number]>();
  private readonly placeAt = new Map<number, [string, number]>();
  private readonly persons = new Map<string, PersonCandidate>();
  /** Person occurrences: [person key, token index]. */
  private readonly personAt: { key: string; token: number }[] = [];
  /** Person keys per sentence, in token order (built once the persons are known). */
  private personsBySentence: string[][] = [];
  private readonly organizations = new Map<string, OrganizationCandidate>();
  private readonly initiatives = new Map<string, InitiativeCandidate>();
  private readonly initiativeAt: { key: string; token: number }[] = [];
  private readonly unlinked = new Map<string, { text: string; kind: "OFFICIAL" | "ORGANIZATION"; first: number }>();
  readonly homeCountry: string | null;

  constructor(private readonly story: WireStory) {
    this.body = story.body;
    ({ tokens: this.tokens, sentences: this.sentences } = sentencesOf(story.body));
    this.claimed = new Uint8Array(this.tokens.length);
    this.homeCountry = placeCountry(story.dateline?.place ?? null);
  }

  run(): Extraction {
    this.markCountriesAndPlaces();
    for (const sentence of this.sentences) this.findPersons(sentence);
    this.findBareNames();
    this.personsBySentence = this.sentences.map(() => []);
    for (const at of [...this.personAt].sort((a, b) => a.token - b.token)) {
      const list = this.personsBySentence[this.tokens[at.token]!.sentence]!;
      if (!list.includes(at.key)) list.push(at.key);
    }
    this.findNamedEntities();
    for (const sentence of this.sentences) this.findDescribedInitiatives(sentence);
    this.findAcronyms();
    for (const sentence of this.sentences) this.findUnlinkedPeople(sentence);
    const events = this.findEvents();
    return {
      persons: [...this.persons.values()].sort((a, b) => a.first - b.first),
      organizations: [...this.organizations.values()].sort((a, b) => a.first - b.first),
      initiatives: [...this.initiatives.values()].sort((a, b) => a.first - b.first),
      events,
      countries: this.countryMentions(),
      places: this.placeMentions(),
      unlinked: [...this.unlinked.values()].sort((a, b) => a.first - b.first),
      themes: this.themesIn(0, this.tokens.length),
      homeCountry: this.homeCountry,
    };
  }

  // --- countries and places ------------------------------------------------------------------------------------------

  private markCountriesAndPlaces() {
    for (let k = 0; k < this.tokens.length; k++) {
      const place = PLACE_MATCHER.matchAt(this.tokens, k, this.sentenceEnd(k));
      const country = COUNTRY_MATCHER.matchAt(this.tokens, k, this.sentenceEnd(k));
      if (place && (!country || place[1] > country[1])) {
        this.placeAt.set(k, place);
        k += place[1] - 1;
      } else if (country) {
        // An all-capitals abbreviation ("US") inside a run of capitals ("THEY TOLD US NO") is a word, not a country.
        const shout = (t: Token | undefined) =>
          isWord(t) && t.text.length >= 2 && t.text === t.text.toUpperCase() && /\p{Lu}/u.test(t.text);
        const text = this.tokens[k]!.text;
        if (
          country[1] === 1 &&
          shout(this.tokens[k]) &&
          text.length <= 3 &&
          (shout(this.tokens[k - 1]) || shout(this.tokens[k + 1]))
        )
          continue;
        this.countryAt.set(k, country);
        k += country[1] - 1;
      }
    }
  }

  private sentenceEnd(k: number) {
    return this.sentences[this.tokens[k]!.sentence]!.to;
  }

  private countryMentions() {
    const found = new Map<string, { code: string; forms: Forms; first: number }>();
    // Qualifiers of titles count ("US President Joe Biden" names the US); a country inside an initiative's or
    // organization's name does not, which locating the mentions (longest form first) takes care of.
    for (const [k, [hit, length]] of this.countryAt) {
      const text = textOf(this.body, this.tokens, k, k + length);
      const entry = found.get(hit.entry.code) ?? { code: hit.entry.code, forms: new Map(), first: this.tokens[k]!.start };
      const confidence = hit.form === "demonym" ? 0.9 : 1;
      if (!entry.forms.has(text)) entry.forms.set(text, confidence);
      found.set(hit.entry.code, entry);
    }
    return [...found.values()].sort((a, b) => a.first - b.first);
  }

  private placeMentions() {
    const found = new Map<string, { name: string; countryCode: string | null; first: number }>();
    for (const [k, [place]] of this.placeAt) {
      if (this.claimed[k] || found.has(place)) continue;
      found.set(place, { name: place, countryCode: PLACES[place] ?? null, first: this.tokens[k]!.start });
    }
    return [...found.values()].sort((a, b) => a.first - b.first);
  }

  // --- persons -------------------------------------------------------------------------------------------------------

  /** "US Secretary of Commerce Gina Raimondo", "Tan Sri Annuar Musa", "Nguyen Manh Hung, Minister of …". */
  private findPersons(sentence: Sentence) {
    for (let k = sentence.from; k < sentence.to; k++) {
      if (this.claimed[k]) continue;
      const titled = this.parseTitled(k, sentence.to);
      if (titled) {
        k = titled.end - 1;
        continue;
      }
      const apposition = this.parseApposition(k, sentence.to);
      if (apposition) k = apposition - 1;
    }
  }

  /** [country qualifier] [title] [honorifics] name, with a title or an honorific (or both). */
  private parseTitled(at: number, limit: number): { end: number } | undefined {
    let k = at;
    let qualifier: string | null = null;
    const country = this.countryAt.get(k);
    if (country) {
      qualifier = country[0].entry.code;
      k += country[1];
      if (this.tokens[k]?.kind === "possessive") k++;
    }
    const title = this.parseTitle(k, limit);
    if (title) k = title.end;
    else if (qualifier) return undefined;
    const honorific = this.parseHonorifics(k, limit);
    if (honorific) k = honorific.end;
    if (!title && !honorific) return undefined;
    const name = this.parseName(k, limit);
    if (!name) return undefined;
    const nameText = textOf(this.body, this.tokens, k, name.end);
    if (name.words === 1) {
      // A title or honorific with a single name word: a later reference ("Ambassador Yamada", "Tan Sri Annuar").
      this.bareAt(k, nameText, honorific ? textOf(this.body, this.tokens, honorific.start, name.end) : null);
      for (let c = at; c < name.end; c++) this.claimed[c] = 1;
      return { end: name.end };
    }
    const person = this.person(nameText, k);
    if (honorific && !person.honorific) person.honorific = honorific.text;
    const full = honorific ? textOf(this.body, this.tokens, honorific.start, name.end) : nameText;
    addForm(person.forms, full, title || honorific ? 1 : 0.95);
    if (title && !person.post) {
      const postCountry = qualifier ?? (title.ambassador ? null : this.homeCountry);
      person.post = { title: title.title, organization: this.postOrganization(title, postCountry, this.tokens[at]!.start) };
      if (!person.country) {
        person.country = postCountry;
        person.countryStated = qualifier !== null;
      }
    }
    this.personAt.push({ key: person.key, token: honorific ? honorific.start : k });
    for (let c = at; c < name.end; c++) this.claimed[c] = 1;
    return { end: name.end };
  }

  /** "Nguyen Manh Hung, Minister of Information and Communications," — a name followed by its title. */
  private parseApposition(at: number, limit: number): number | undefined {
    const name = this.parseName(at, limit);
    if (!name || name.words < 2 || this.tokens[name.end]?.text !== ",") return undefined;
    let k = name.end + 1;
    if (this.tokens[k]?.text === "the") k++;
    let qualifier: string | null = null;
    const country = this.countryAt.get(k);
    if (country) {
      qualifier = country[0].entry.code;
      k += country[1];
      if (this.tokens[k]?.kind === "possessive") k++;
    }
    const title = this.parseTitle(k, limit);
    if (!title) return undefined;
    const nameText = textOf(this.body, this.tokens, at, name.end);
    const person = this.person(nameText, at);
    addForm(person.forms, nameText, 1);
    if (!person.post) {
      const postCountry = qualifier ?? (title.ambassador ? null : this.homeCountry);
      person.post = { title: title.title, organization: this.postOrganization(title, postCountry, this.tokens[at]!.start) };
      if (!person.country) {
        person.country = postCountry;
        person.countryStated = qualifier !== null;
      }
    }
    this.personAt.push({ key: person.key, token: at });
    for (let c = at; c < title.end; c++) this.claimed[c] = 1;
    return title.end;
  }

  private person(name: string, token: number): PersonCandidate {
    const key = nameKey(name);
    let person = this.persons.get(key);
    // Beyond the bound a person is still parsed, but kept out of the candidates.
    if (!person && this.persons.size >= MAX_CANDIDATES) return this.newPerson(name, token);
    if (!person) {
      person = this.newPerson(name, token);
      this.persons.set(key, person);
    }
    return person;
  }

  /**
   * A title: `[modifiers] HEAD [of|for PORTFOLIO] [to COUNTRY]` ("Minister of Economy, Trade and Industry",
   * "Ambassador to Vietnam") or `PORTFOLIO HEAD` ("Communications and Multimedia Minister", "Commerce Secretary").
   */
  private parseTitle(at: number, limit: number) {
    let k = at;
    const modifiers: string[] = [];
    while (
      modifiers.length < 3 &&
      isWord(this.tokens[k]) &&
      TITLE_MODIFIERS.has(this.tokens[k]!.text) &&
      !TITLE_MATCHER.matchAt(this.tokens, k, limit)
    ) {
      modifiers.push(this.tokens[k]!.text);
      k++;
    }
    const head = TITLE_MATCHER.matchAt(this.tokens, k, limit);
    if (head) {
      k += head[1];
      let portfolio: string | null = null;
      let preposition = "of";
      const prep = this.tokens[k];
      if (prep && (prep.text === "of" || prep.text === "for")) {
        const words = this.parsePortfolio(k + 1, limit);
        if (words) {
          portfolio = words.text;
          preposition = prep.text;
          k = words.end;
        }
      }
      let ambassadorTo: string | null = null;
      if (this.tokens[k]?.text === "to" && this.countryAt.has(k + 1)) {
        const [hit, length] = this.countryAt.get(k + 1)!;
        ambassadorTo = hit.entry.name;
        k += 1 + length;
      }
      const headText = [...modifiers, head[0]].join(" ");
      const title = `${headText}${portfolio ? ` ${preposition} ${portfolio}` : ""}${ambassadorTo ? ` to ${ambassadorTo}` : ""}`;
      return { title, head: head[0], portfolio, end: k, ambassador: head[0] === "Ambassador" };
    }
    // PORTFOLIO HEAD
    const words = this.parsePortfolio(k, limit);
    if (!words) return undefined;
    const after = TITLE_MATCHER.matchAt(this.tokens, words.end, limit);
    if (!after || !/(Minister|Secretary)$/.test(after[0])) return undefined;
    const portfolio = PORTFOLIO_EXPANSIONS[words.text] ?? words.text;
    const headText = [...modifiers, after[0]].join(" ");
    return { title: `${headText} of ${portfolio}`, head: after[0], portfolio, end: words.end + after[1], ambassador: false };
  }

  /** Portfolio words joined by "and" and commas: "Economy, Trade and Industry", "Science and ICT". */
  private parsePortfolio(at: number, limit: number): { text: string; end: number } | undefined {
    let k = at;
    let last = -1;
    while (k < limit && k - at < 12) {
      const token = this.tokens[k]!;
      if (isWord(token) && PORTFOLIO_WORDS.has(token.text)) {
        last = k;
        k++;
        continue;
      }
      if ((token.text === "and" || token.text === "," || token.text === "&") && last === k - 1) {
        const next = this.tokens[k + 1];
        if (isWord(next) && PORTFOLIO_WORDS.has(next.text)) {
          k++;
          continue;
        }
      }
      break;
    }
    if (last < 0) return undefined;
    return { text: textOf(this.body, this.tokens, at, last + 1), end: last + 1 };
  }

  private parseHonorifics(at: number, limit: number): { text: string; start: number; end: number } | undefined {
    let k = at;
    const parts: string[] = [];
    // At most three in a row ("Tengku Datuk Seri", "Dr. Dato'"): a longer run is no name's prefix, and stopping keeps
    // the scan from each position bounded.
    while (parts.length < 3) {
      const hit = HONORIFIC_MATCHER.matchAt(this.tokens, k, limit);
      if (!hit) break;
      parts.push(hit[0]);
      k += hit[1];
      // "Dr." as word and stop
      if (this.tokens[k]?.text === "." && this.tokens[k - 1]!.end === this.tokens[k]!.start) k++;
    }
    if (!parts.length) return undefined;
    return { text: textOf(this.body, this.tokens, at, k).replace(/\.$/, "."), start: at, end: k };
  }

  /** A person's name: 1–5 capitalized words (initials and particles such as "bin" inside), none a country or a title. */
  private parseName(at: number, limit: number): { end: number; words: number } | undefined {
    let k = at;
    let words = 0;
    while (k < limit && words < 5) {
      const token = this.tokens[k]!;
      if (this.isNameWord(k)) {
        words++;
        k++;
        // An initial: "G." in "Johnny G. Plate"
        if (/^\p{Lu}$/u.test(token.text) && this.tokens[k]?.text === "." && this.isNameWord(k + 1)) k++;
        continue;
      }
      if (words > 0 && isWord(token) && NAME_PARTICLES.has(token.text) && this.isNameWord(k + 1)) {
        k++;
        continue;
      }
      break;
    }
    return words ? { end: k, words } : undefined;
  }

  private isNameWord(k: number): boolean {
    const token = this.tokens[k];
    if (!token || !isCapitalized(token) || this.claimed[k]) return false;
    if (NOT_NAME_WORDS.has(token.text) || this.countryAt.has(k) || this.placeAt.has(k)) return false;
    if (TITLE_MATCHER.matchAt(this.tokens, k) || PORTFOLIO_WORDS.has(token.text) || HONORIFIC_MATCHER.matchAt(this.tokens, k)) {
      return false;
    }
    if (ORGANIZATION_HEADS[token.text] || INITIATIVE_HEADS.has(token.text)) return false;
    if (token.text.length >= 3 && isAcronym(token.text)) return false;
    return true;
  }

  /** A single name word after a title or honorific: recorded to match a person of the story (see findBareNames). */
  private readonly bareRefs: { token: number; text: string; withHonorific: string | null }[] = [];
  private bareAt(token: number, text: string, withHonorific: string | null) {
    this.bareRefs.push({ token, text, withHonorific });
  }

  /**
   * Later references by one word of a person's name ("Raimondo said", "Hung", "Ambassador Yamada", "Lim"): linked to
   * the one person of the story whose name has that word; ambiguous words (two persons share them) link to none.
   */
  private findBareNames() {
    const owners = new Map<string, Set<string>>();
    for (const person of this.persons.values()) {
      for (const word of tokenize(person.name)) {
        if (word.kind !== "word" || word.text.length < 2 || !/^\p{Lu}/u.test(word.text)) continue;
        (owners.get(word.text) ?? owners.set(word.text, new Set()).get(word.text)!).add(person.key);
      }
    }
    const ownerOf = (text: string) => {
      const keys = owners.get(text);
      return keys?.size === 1 ? this.persons.get([...keys][0]!) : undefined;
    };
    for (const ref of this.bareRefs) {
      const person = ownerOf(ref.text);
      if (!person) continue;
      addForm(person.forms, ref.withHonorific ?? ref.text, 0.9);
      this.personAt.push({ key: person.key, token: ref.token });
    }
    for (let k = 0; k < this.tokens.length; k++) {
      const token = this.tokens[k]!;
      if (this.claimed[k] || !isCapitalized(token) || this.countryAt.has(k) || this.placeAt.has(k)) continue;
      const person = ownerOf(token.text);
      if (!person) continue;
      // Standalone: not part of a longer capitalized name ("Hung Yen" is somewhere else).
      if (this.isNameWord(k - 1) && this.tokens[k - 1]!.end + 1 >= token.start) continue;
      if (this.isNameWord(k + 1) && token.end + 1 >= this.tokens[k + 1]!.start) continue;
      addForm(person.forms, token.text, 0.9);
      this.personAt.push({ key: person.key, token: k });
      this.claimed[k] = 1;
    }
  }

  /** "Google's head of public policy, Jake Lucchi, said": a name that speaks but holds no post stated here. */
  private findUnlinkedPeople(sentence: Sentence) {
    for (let k = sentence.from; k < sentence.to; k++) {
      const name = this.parseName(k, sentence.to);
      if (!name) continue;
      let next = name.end;
      if (this.tokens[next]?.text === ",") next++;
      const verb = this.tokens[next];
      if (name.words >= 2 && isWord(verb) && SPEECH_VERBS.has(verb.text)) {
        const text = textOf(this.body, this.tokens, k, name.end);
        if (!this.persons.has(nameKey(text)) && !this.unlinked.has(text)) {
          this.unlinked.set(text, { text, kind: "OFFICIAL", first: this.tokens[k]!.start });
        }
      }
      k = name.end - 1;
    }
  }

  private newPerson(name: string, token: number): PersonCandidate {
    return {
      key: nameKey(name),
      name,
      honorific: null,
      country: null,
      countryStated: false,
      post: null,
      forms: new Map(),
      first: this.tokens[token]!.start,
    };
  }

  private postOrganization(
    title: { head: string; portfolio: string | null },
    country: string | null,
    first: number,
  ): OrganizationCandidate | null {
    if (!title.portfolio || TITLES_WITHOUT_ORGANIZATION.has(title.head)) return null;
    const portfolio = PORTFOLIO_EXPANSIONS[title.portfolio] ?? title.portfolio;
    const ministry = /Minister$/.test(title.head);
    const name = ministry ? `Ministry of ${portfolio}` : `Department of ${portfolio}`;
    const countryName = country ? COUNTRY_BY_CODE.get(country)?.name : undefined;
    const lookup = [name, ...(ministry ? [`Ministry for ${portfolio}`] : []), ...(countryName ? [`${countryName} ${name}`] : [])];
    return this.organization({
      name,
      acronym: null,
      country,
      kind: ministry ? "MINISTRY" : "DEPARTMENT",
      creatable: country !== null,
      lookup,
      first,
      form: null,
    });
  }

  private organization(input: {
    name: string | null;
    acronym: string | null;
    country: string | null;
    kind: string;
    creatable: boolean;
    lookup: string[];
    first: number;
    form: { text: string; confidence: number } | null;
  }): OrganizationCandidate {
    const key = `${nameKey(input.name ?? input.acronym ?? "")}|${input.country ?? ""}`;
    let found = this.organizations.get(key);
    if (!found && input.acronym) {
      found = [...this.organizations.values()].find((o) => o.acronym === input.acronym || (o.name && o.name === input.name));
    }
    if (!found && input.name)
      found = [...this.organizations.values()].find((o) => o.name !== null && nameKey(o.name) === nameKey(input.name!));
    if (found) {
      found.acronym ??= input.acronym;
      found.creatable ||= input.creatable;
      found.country ??= input.country;
      for (const name of input.lookup) if (!found.lookup.includes(name)) found.lookup.push(name);
      if (input.form) addForm(found.forms, input.form.text, input.form.confidence);
      found.first = Math.min(found.first, input.first);
      return found;
    }
    const created: OrganizationCandidate = { key, ...input, forms: new Map() };
    delete (created as { form?: unknown }).form;
    if (input.form) addForm(created.forms, input.form.text, input.form.confidence);
    if (this.organizations.size < MAX_CANDIDATES) this.organizations.set(key, created);
    return created;
  }

  // --- organizations and initiatives by name ------------------------------------------------------------------------

  /** "Name (ACRONYM)", "the … Programme", "the Smart Nation initiative", "Ministry of …". */
  private findNamedEntities() {
    for (let k = 0; k < this.tokens.length; k++) {
      const token = this.tokens[k]!;
      // Name (ACRONYM)
      if (token.text === "(" && isWord(this.tokens[k + 1]) && this.tokens[k + 2]?.text === ")") {
        const acronym = this.tokens[k + 1]!.text;
        if (isAcronym(acronym) || mixedAcronym(acronym)) this.namedWithAcronym(k, acronym);
        continue;
      }
      // the … Head / the … initiative
      if (token.text === "the" || token.text === "The") this.namedAfterThe(k + 1);
      // Ministry of … / Department of … (no acronym): looked up, never created.
      if (
        isCapitalized(token) &&
        (token.text === "Ministry" || token.text === "Department") &&
        this.tokens[k + 1]?.text === "of"
      ) {
        if (this.claimed[k]) continue;
        const portfolio = this.parsePortfolio(k + 2, this.sentenceEnd(k));
        if (!portfolio) continue;
        const name = textOf(this.body, this.tokens, k, portfolio.end);
        const country = this.qualifierBefore(k) ?? this.homeCountry;
        this.organization({
          name,
          acronym: null,
          country,
          kind: ORGANIZATION_HEADS[token.text]!,
          creatable: false,
          lookup: [name],
          first: token.start,
          form: { text: name, confidence: 0.95 },
        });
        for (let c = k; c < portfolio.end; c++) this.claimed[c] = 1;
      }
    }
  }

  private namedWithAcronym(open: number, acronym: string) {
    // The name: capitalized words and connectors back from "(", at most 12 tokens, within the sentence.
    const sentenceStart = this.sentences[this.tokens[open]!.sentence]!.from;
    let start = open;
    while (start > sentenceStart && open - start < 12) {
      const previous = this.tokens[start - 1]!;
      if (isCapitalized(previous) && !NOT_ENTITY_WORDS.has(previous.text)) start--;
      else if (isWord(previous) && CONNECTORS.has(previous.text) && isCapitalized(this.tokens[start - 2])) start--;
      else if (previous.text === "," && isCapitalized(this.tokens[start - 2]) && this.commaInName(start - 1, open)) start--;
      else break;
    }
    while (start < open && isWord(this.tokens[start]) && CONNECTORS.has(this.tokens[start]!.text)) start++;
    if (start === open) return;
    const name = textOf(this.body, this.tokens, start, open);
    const head = this.headOf(start, open);
    const first = this.tokens[start]!.start;
    const claim = () => {
      for (let c = start; c <= open + 2; c++) this.claimed[c] = 1;
    };
    if (head && ORGANIZATION_HEADS[head]) {
      const country =
        this.countryInName(start, open) ?? this.qualifierBefore(start) ?? (isGovernmentBody(head) ? this.homeCountry : null);
      this.organization({
        name,
        acronym,
        country: country === "multi" ? null : country,
        kind: ORGANIZATION_HEADS[head]!,
        creatable: true,
        lookup: [name, acronym],
        first,
        form: { text: name, confidence: 1 },
      });
      const org = this.organizations.get(`${nameKey(name)}|${country === "multi" ? "" : (country ?? "")}`);
      if (org) addForm(org.forms, acronym, 1);
      else [...this.organizations.values()].find((o) => o.acronym === acronym)?.forms.set(acronym, 1);
      claim();
    } else if (head && INITIATIVE_HEADS.has(head)) {
      this.initiative({
        name,
        acronym,
        start,
        end: open,
        creatable: true,
        forms: [
          [name, 1],
          [acronym, 1],
        ],
      });
      claim();
    }
  }

  /** A comma inside a name only between portfolio words ("Ministry of Economy, Trade and Industry"). */
  private commaInName(comma: number, _open: number) {
    const before = this.tokens[comma - 1];
    const after = this.tokens[comma + 1];
    return isWord(before) && isWord(after) && PORTFOLIO_WORDS.has(before.text) && PORTFOLIO_WORDS.has(after.text);
  }

  /** The head word of a name: the word before its first "of"/"for" ("Association of …"), else its last word. */
  private headOf(start: number, end: number): string | undefined {
    for (let k = start + 1; k < end; k++) {
      if (this.tokens[k]!.text === "of" || this.tokens[k]!.text === "for") return lastPart(this.tokens[k - 1]!.text);
    }
    return lastPart(this.tokens[end - 1]!.text);
  }

  /** "the National Digital Transformation Programme", "the Thailand National AI Strategy and Action Plan", "the Smart Nation initiative". */
  private namedAfterThe(at: number) {
    const limit = at < this.tokens.length ? this.sentenceEnd(at) : at;
    let k = at;
    let lastCapital = -1;
    while (k < limit && k - at < 12) {
      const token: Token | undefined = this.tokens[k];
      if (isCapitalized(token)) {
        if (this.claimed[k]) return;
        lastCapital = k;
        k++;
        continue;
      }
      if (
        isWord(token) &&
        (token.text === "and" || token.text === "of" || token.text === "for") &&
        isCapitalized(this.tokens[k + 1])
      ) {
        k++;
        continue;
      }
      break;
    }
    if (lastCapital < at) return;
    const end = lastCapital + 1;
    const head = lastPart(this.tokens[lastCapital]!.text);
    const lowerHead = this.tokens[end];
    if (INITIATIVE_HEADS.has(head) && end - at >= 2 && this.tokens[end]?.text !== "(") {
      const name = textOf(this.body, this.tokens, at, end);
      this.initiative({ name, acronym: null, start: at, end, creatable: true, forms: [[name, 1]] });
      for (let c = at; c < end; c++) this.claimed[c] = 1;
    } else if (isWord(lowerHead) && INITIATIVE_LOWER_HEADS.has(lowerHead.text) && !this.countryAt.has(at)) {
      const name = textOf(this.body, this.tokens, at, end);
      this.initiative({
        name,
        acronym: null,
        start: at,
        end,
        creatable: true,
        forms: [[name, 0.9]],
        lookup: [`${name} ${lowerHead.text}`],
      });
      for (let c = at; c < end; c++) this.claimed[c] = 1;
    }
  }

  /**
   * Initiatives described rather than named, linked only when known: "the Malaysian government's plan for 5G roll
   * out" and "Malaysia's 5G rollout" look up "Malaysia 5G rollout".
   */
  private findDescribedInitiatives(sentence: Sentence) {
    for (let k = sentence.from; k < sentence.to; k++) {
      const country = this.countryAt.get(k);
      if (!country) continue;
      let j = k + country[1];
      if (this.tokens[j]?.text === "government") j++;
      if (this.tokens[j]?.kind !== "possessive") continue;
      j++;
      // "<country>'s plan for <topic>"
      const head = this.tokens[j];
      if (
        isWord(head) &&
        DESCRIBED_INITIATIVE_HEADS.has(head.text) &&
        (this.tokens[j + 1]?.text === "for" || this.tokens[j + 1]?.text === "on")
      ) {
        const topicStart = j + 2;
        let end = topicStart;
        while (
          end < sentence.to &&
          end - topicStart < 5 &&
          isWord(this.tokens[end]) &&
          !["as", "and", "which", "that"].includes(this.tokens[end]!.text)
        )
          end++;
        if (end > topicStart) this.described(country[0].entry, topicStart, end);
        continue;
      }
      // "<country>'s <topic> rollout"
      let end = j;
      while (
        end < sentence.to &&
        end - j < 4 &&
        isWord(this.tokens[end]) &&
        !DESCRIBED_INITIATIVE_HEADS.has(this.tokens[end]!.text)
      )
        end++;
      const last = this.tokens[end];
      if (end > j && isWord(last) && DESCRIBED_INITIATIVE_HEADS.has(last.text) && /rollout|roll-out/.test(last.text)) {
        this.described(country[0].entry, j, end + 1);
      }
    }
  }

  private described(country: CountryEntry, start: number, end: number) {
    if (this.claimed[start]) return;
    const topic = textOf(this.body, this.tokens, start, end);
    const normalized = topic.replace(/\broll[\s-]out\b/gi, "rollout");
    this.initiative({
      name: null,
      acronym: null,
      start,
      end,
      creatable: false,
      forms: [[topic, 0.8]],
      lookup: [`${country.name} ${normalized}`],
      country: country.code,
    });
    for (let c = start; c < end; c++) this.claimed[c] = 1;
  }

  /** Acronyms on their own ("MTI said", "ASEAN"): looked up as organizations and initiatives, never created. */
  private findAcronyms() {
    const known = new Set<string>();
    for (const o of this.organizations.values()) if (o.acronym) known.add(o.acronym);
    for (const i of this.initiatives.values()) if (i.acronym) known.add(i.acronym);
    for (let k = 0; k < this.tokens.length; k++) {
      const token = this.tokens[k]!;
      if (this.claimed[k] || !isWord(token) || this.countryAt.has(k)) continue;
      if (!(isAcronym(token.text) || mixedAcronym(token.text)) || COMMON_ACRONYMS.has(token.text.toUpperCase())) continue;
      if (/\d/.test(token.text) || known.has(token.text)) continue;
      // Inside a run of capitals ("THEY TOLD US NO") it is shouting, not an acronym.
      const shout = (t: Token | undefined) => isWord(t) && t.text === t.text.toUpperCase() && /\p{Lu}/u.test(t.text);
      if (shout(this.tokens[k - 1]) || shout(this.tokens[k + 1])) continue;
      known.add(token.text);
      this.organization({
        name: null,
        acronym: token.text,
        country: null,
        kind: "OTHER",
        creatable: false,
        lookup: [token.text],
        first: token.start,
        form: { text: token.text, confidence: 0.9 },
      });
      this.initiative({
        name: null,
        acronym: token.text,
        start: k,
        end: k + 1,
        creatable: false,
        forms: [[token.text, 0.9]],
        lookup: [token.text],
        key: `acronym:${token.text}`,
      });
    }
  }

  private initiative(input: {
    name: string | null;
    acronym: string | null;
    start: number;
    end: number;
    creatable: boolean;
    forms: [string, number][];
    lookup?: string[];
    country?: string | null;
    key?: string;
  }): InitiativeCandidate {
    const countryInName = input.name ? this.countryInName(input.start, input.end) : null;
    const country =
      input.country !== undefined
        ? input.country
        : countryInName === "multi"
          ? null
          : (countryInName ?? this.qualifierBefore(input.start) ?? this.speakerCountry(input.start) ?? this.homeCountry);
    const key = input.key ?? `${nameKey(input.acronym ?? input.name ?? "")}|${input.lookup?.join("|") ?? ""}`;
    let found = this.initiatives.get(key);
    if (!found && this.initiatives.size >= MAX_CANDIDATES) {
      return {
        key,
        name: null,
        acronym: null,
        country: null,
        status: "ANNOUNCED",
        themes: [],
        creatable: false,
        lookup: [],
        forms: new Map(),
        first: 0,
        launchedBy: [],
      };
    }
    if (!found) {
      const sentence = this.tokens[input.start]!.sentence;
      const words = this.sentenceWords(sentence);
      const launched = words.has("launched") || words.has("unveiled") || words.has("signed");
      found = {
        key,
        name: input.name,
        acronym: input.acronym,
        country,
        status: launched ? "ACTIVE" : "ANNOUNCED",
        themes: this.themesIn(this.sentences[sentence]!.from, this.sentences[sentence]!.to),
        creatable: input.creatable,
        lookup: [
          ...new Set([...(input.name ? [input.name] : []), ...(input.acronym ? [input.acronym] : []), ...(input.lookup ?? [])]),
        ],
        forms: new Map(),
        first: this.tokens[input.start]!.start,
        launchedBy: [],
      };
      this.initiatives.set(key, found);
    }
    for (const [text, confidence] of input.forms) addForm(found.forms, text, confidence);
    this.initiativeAt.push({ key, token: input.start });
    return found;
  }

  /** The one country a name names ("Japan International Cooperation Agency"), "multi" for two ("Japan-US …"), else null. */
  private countryInName(start: number, end: number): string | "multi" | null {
    const codes = new Set<string>();
    for (let k = start; k < end; k++) {
      for (const part of this.tokens[k]!.text.split(/[-‑]/)) {
        const entry = COUNTRY_BY_KEY.get(nameKey(part));
        if (entry) codes.add(entry.code);
      }
      const hit = this.countryAt.get(k);
      if (hit && hit[0].form !== "demonym") codes.add(hit[0].entry.code);
    }
    return codes.size === 0 ? null : codes.size === 1 ? [...codes][0]! : "multi";
  }

  /** A country qualifier right before a name: "Singapore's Ministry …", "the Malaysian …". */
  private qualifierBefore(start: number): string | null {
    let k = start - 1;
    if (this.tokens[k]?.kind === "possessive") k--;
    for (let at = k; at >= 0 && at >= k - 3; at--) {
      const hit = this.countryAt.get(at);
      if (hit && at + hit[1] - 1 === k) return hit[0].entry.code;
    }
    return null;
  }

  /** The country of the first person named in the sentence (the one who speaks of it). */
  private speakerCountry(token: number): string | null {
    const sentence = this.tokens[token]!.sentence;
    const first = this.personsBySentence[sentence]?.[0];
    return first ? (this.persons.get(first)?.country ?? null) : null;
  }

  private sentenceWords(sentence: number): Set<string> {
    const { from, to } = this.sentences[sentence]!;
    const words = new Set<string>();
    for (let k = from; k < to; k++) if (this.tokens[k]!.kind === "word") words.add(this.tokens[k]!.text.toLowerCase());
    return words;
  }

  private themesIn(from: number, to: number): string[] {
    const themes: string[] = [];
    for (let k = from; k < to; k++) {
      const hit = THEME_MATCHER.matchAt(this.tokens, k, to);
      if (!hit) continue;
      if (hit[0] === "ARTIFICIAL_INTELLIGENCE" && this.tokens[k]!.text === "ai") continue;
      if (!themes.includes(hit[0])) themes.push(hit[0]);
      k += hit[1] - 1;
    }
    return themes;
  }

  // --- events and outcomes -----------------------------------------------------------------------------------------

  private findEvents(): EventCandidate[] {
    const events: EventCandidate[] = [];
    const byKey = new Map<string, EventCandidate>();
    const leadDate = this.firstDateOf(0);
    const pending: { sentence: number; outcome: OutcomeCandidate; persons: string[] }[] = [];
    const datedFromText = new Set<EventCandidate>();

    const meetingOf = (persons: string[], sentence: number): EventCandidate => {
      const sorted = [...persons].sort();
      const existing = events.find((e) => e.kind === "MEETING" && sameSet(e.participants, sorted));
      if (existing) {
        const date = datedFromText.has(existing) ? undefined : this.dateOf(sentence);
        if (date) {
          existing.startDate = date.start;
          datedFromText.add(existing);
        }
        return existing;
      }
      const date = this.dateOf(sentence);
      const location = this.locationOf(sentence);
      const event: EventCandidate = {
        key: `MEETING|${sorted.join("+")}`,
        kind: "MEETING",
        title: "",
        startDate: date?.start ?? leadDate?.start ?? this.story.publishedOn,
        endDate: null,
        location,
        participants: persons,
        countries: [],
        themes: [],
        initiatives: [],
        outcomes: [],
        linkOnly: false,
        parent: null,
        first: this.sentences[sentence]!.start,
      };
      if (date) datedFromText.add(event);
      events.push(event);
      byKey.set(event.key, event);
      return event;
    };

    for (let s = 0; s < this.sentences.length && events.length < MAX_EVENTS; s++) {
      const words = this.sentenceWords(s);
      const persons = this.personsIn(s);
      const outcome = this.outcomeOf(s, words);
      const meetingWord = [...MEETING_WORDS].some((word) => words.has(word)) && !this.onlyInfinitiveMeet(s);
      if (persons.length >= 2 && (meetingWord || outcome)) {
        const meeting = meetingOf(persons, s);
        this.addInitiativesOf(meeting, s);
        meeting.themes = union(meeting.themes, this.themesIn(this.sentences[s]!.from, this.sentences[s]!.to));
      } else if (persons.length === 1 && meetingWord) {
        // "during the talks, they shared …": what a meeting of this person discussed.
        const meeting = events.find((e) => e.kind === "MEETING" && e.participants.includes(persons[0]!));
        if (meeting) this.addInitiativesOf(meeting, s);
      }
      const visit = this.visitOf(s, words, persons);
      if (visit && !byKey.has(visit.key)) {
        events.push(visit);
        byKey.set(visit.key, visit);
      }
      if ((words.has("launched") || words.has("unveiled")) && persons.length >= 1) {
        const date = this.dateOf(s);
        const launched = this.initiativesIn(s);
        const kind = words.has("launched") ? "LAUNCH" : "ANNOUNCEMENT";
        const event: EventCandidate = {
          key: `${kind}|${persons[0]}|${launched.join("+")}`,
          kind,
          title: "",
          startDate: date?.start ?? this.story.publishedOn,
          endDate: null,
          location: this.locationOf(s),
          participants: [persons[0]!],
          countries: [],
          themes: this.themesIn(this.sentences[s]!.from, this.sentences[s]!.to),
          initiatives: launched,
          outcomes: [],
          linkOnly: false,
          parent: null,
          first: this.sentences[s]!.start,
        };
        for (const key of launched) this.initiatives.get(key)?.launchedBy.push(persons[0]!);
        if (!byKey.has(event.key)) {
          events.push(event);
          byKey.set(event.key, event);
        }
      }
      if (outcome) pending.push({ sentence: s, outcome, persons });
    }

    // Outcomes: to the meeting of the officials the sentence names, else the story's meeting, else its launch or signing.
    for (const { sentence, outcome, persons } of pending) {
      let event =
        persons.length >= 2
          ? events.find((e) => e.kind === "MEETING" && sameSet(e.participants, [...persons].sort()))
          : undefined;
      event ??= events.find((e) => e.kind === "MEETING");
      event ??= events.find(
        (e) => (e.kind === "LAUNCH" || e.kind === "ANNOUNCEMENT") && e.first === this.sentences[sentence]!.start,
      );
      if (!event && outcome.status === "SIGNED" && persons.length >= 1) {
        const date = this.dateOf(sentence);
        event = {
          key: `SIGNING|${[...persons].sort().join("+")}`,
          kind: "SIGNING",
          title: "",
          startDate: date?.start ?? leadDate?.start ?? this.story.publishedOn,
          endDate: null,
          location: this.locationOf(sentence),
          participants: persons,
          countries: [],
          themes: [],
          initiatives: this.initiativesIn(sentence),
          outcomes: [],
          linkOnly: false,
          parent: null,
          first: this.sentences[sentence]!.start,
        };
        events.push(event);
      }
      event ??= events.find((e) => e.kind !== "VISIT");
      if (!event) continue;
      if (!event.outcomes.some((o) => o.status === outcome.status)) event.outcomes.push(outcome);
      event.themes = union(event.themes, outcome.themes);
      this.addInitiativesOf(event, sentence);
    }

    for (const event of events) {
      event.countries = this.eventCountries(event);
      event.title = this.titleOf(event);
    }
    // A meeting during the story's visit, by the visitor, is part of it.
    for (const event of events) {
      if (event.kind === "VISIT") continue;
      const visit = events.find(
        (v) =>
          v.kind === "VISIT" &&
          event.participants.includes(v.participants[0]!) &&
          v.startDate <= event.startDate &&
          (v.endDate ?? v.startDate) >= event.startDate,
      );
      if (visit) event.parent = visit.key;
    }
    return events.sort((a, b) => a.first - b.first);
  }

  /** "to meet with government officials" names no meeting that took place. */
  private onlyInfinitiveMeet(s: number): boolean {
    const { from, to } = this.sentences[s]!;
    let meetings = 0;
    let infinitive = 0;
    for (let k = from; k < to; k++) {
      const text = this.tokens[k]!.text.toLowerCase();
      if (!MEETING_WORDS.has(text) && text !== "meet") continue;
      meetings++;
      if (text === "meet" && this.tokens[k - 1]?.text === "to") infinitive++;
    }
    return meetings > 0 && meetings === infinitive;
  }

  private addInitiativesOf(event: EventCandidate, sentence: number) {
    for (const key of this.initiativesIn(sentence)) if (!event.initiatives.includes(key)) event.initiatives.push(key);
  }

  private initiativesBySentence: Map<number, string[]> | undefined;
  private initiativesIn(sentence: number): string[] {
    if (!this.initiativesBySentence) {
      this.initiativesBySentence = new Map();
      for (const at of this.initiativeAt) {
        if (!this.initiatives.has(at.key)) continue;
        const s = this.tokens[at.token]!.sentence;
        const list = this.initiativesBySentence.get(s) ?? [];
        if (!list.includes(at.key)) list.push(at.key);
        this.initiativesBySentence.set(s, list);
      }
    }
    return this.initiativesBySentence.get(sentence) ?? [];
  }

  /** The persons a sentence names, in order, each once. */
  private personsIn(sentence: number): string[] {
    return (this.personsBySentence[sentence] ?? []).filter((key) => this.persons.has(key));
  }

  private outcomeOf(s: number, words: Set<string>): OutcomeCandidate | undefined {
    const text = this.body.slice(this.sentences[s]!.start, this.sentences[s]!.end).trim();
    const lower = text.toLowerCase();
    let status: OutcomeCandidate["status"] | undefined;
    if (/\bagreed to follow[ -]up\b|\bagreeing to follow[ -]up\b/.test(lower)) status = "FOLLOW_UP";
    else if (words.has("signed") || words.has("inked")) status = "SIGNED";
    else if (words.has("launched")) status = "IMPLEMENTED";
    else if (/\b(agreed|agreeing)\b/.test(lower) || /\bagreement was reached\b|\breached an agreement\b/.test(lower)) {
      status = "AGREED_IN_PRINCIPLE";
    }
    if (!status) return undefined;
    return {
      statement: text.length <= 2000 ? text : `${text.slice(0, 1997).replace(/\s+\S*$/, "")}…`,
      status,
      themes: this.themesIn(this.sentences[s]!.from, this.sentences[s]!.to),
    };
  }

  /** "visit to Japan, Singapore and Malaysia from November 15-18", "a two-day visit", "her Asia visit". */
  private visitOf(s: number, words: Set<string>, persons: string[]): EventCandidate | undefined {
    if (![...VISIT_WORDS].some((word) => words.has(word)) || !persons.length) return undefined;
    const { from, to } = this.sentences[s]!;
    const visitor = persons[0]!;
    const dates = this.datesOf(s);
    const range = dates.find((date) => date.end);
    let start = range?.start ?? dates[0]?.start;
    let end = range?.end ?? null;
    // "a two-day visit" from a start date
    if (!end && start) {
      for (let k = from; k < to; k++) {
        const match = /^(\w+)-day$/.exec(this.tokens[k]!.text.toLowerCase());
        const days = match ? (NUMBER_WORDS[match[1]!] ?? Number(match[1])) : Number.NaN;
        if (days > 1 && days < 60) end = addDays(start, days - 1);
      }
    }
    if (!start) return undefined;
    let city: [number, [string, number]] | undefined;
    const countries: string[] = [];
    for (let k = from; k < to; k++) {
      const place = this.placeAt.get(k);
      if (place && !city && PLACES[place[0]]) city = [k, place];
      const hit = this.countryAt.get(k)?.[0];
      if (hit && !countries.includes(hit.entry.code) && hit.form !== "demonym") countries.push(hit.entry.code);
    }
    const cityCountry = city ? PLACES[city[1][0]] : null;
    if (cityCountry && !countries.includes(cityCountry)) countries.push(cityCountry);
    if (start > this.story.publishedOn) start = this.story.publishedOn;
    return {
      key: `VISIT|${visitor}|${start}`,
      kind: "VISIT",
      title: "",
      startDate: start,
      endDate: end,
      location: city ? { name: city[1][0], countryCode: cityCountry ?? null } : null,
      participants: [visitor],
      countries,
      themes: [],
      initiatives: [],
      outcomes: [],
      linkOnly: !end,
      parent: null,
      first: this.sentences[s]!.start,
    };
  }

  private eventCountries(event: EventCandidate): string[] {
    if (event.kind === "VISIT") return event.countries;
    const codes: string[] = [];
    for (const key of event.participants) {
      const country = this.persons.get(key)?.country;
      if (country && !codes.includes(country)) codes.push(country);
    }
    return codes;
  }

  private titleOf(event: EventCandidate): string {
    const names = event.participants.map((key) => this.persons.get(key)?.name ?? key);
    const list = (items: string[]) =>
      items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
    const place = event.location ? ` in ${event.location.name}` : "";
    const initiatives = event.initiatives
      .map((key) => this.initiatives.get(key))
      .map((i) => i?.name ?? i?.acronym)
      .filter(Boolean);
    switch (event.kind) {
      case "MEETING":
        return names.length === 2 ? `${names[0]} meets ${names[1]}${place}` : `${list(names)} meet${place}`;
      case "VISIT": {
        const where = event.countries.length
          ? list(event.countries.map((code) => COUNTRY_BY_CODE.get(code)?.name ?? code))
          : (event.location?.name ?? "abroad");
        return `${names[0]}'s visit to ${where}`;
      }
      case "LAUNCH":
        return `${names[0]} launches ${initiatives[0] ?? "an initiative"}${place}`;
      case "ANNOUNCEMENT":
        return `${names[0]} unveils ${initiatives[0] ?? "a plan"}${place}`;
      case "SIGNING":
        return `${list(names)} sign${names.length === 1 ? "s" : ""} ${initiatives[0] ?? "an agreement"}${place}`;
    }
  }

  /** Where a sentence's event took place: a place it names, else the caption's (when it shows a meeting), else the dateline. */
  private locationOf(s: number): { name: string; countryCode: string | null } | null {
    const { from, to } = this.sentences[s]!;
    for (let k = from; k < to; k++) {
      const place = this.placeAt.get(k);
      if (place && PLACES[place[0]]) return { name: place[0], countryCode: PLACES[place[0]] ?? null };
      // A city state: "in Singapore"
      const country = this.countryAt.get(k);
      if (country && this.tokens[k - 1]?.text === "in" && country[0].entry.code === "SG") {
        return { name: country[0].entry.name, countryCode: country[0].entry.code };
      }
    }
    const caption = this.story.photo?.caption;
    if (caption && /\b(meet|meets|met|meeting|talks)\b/.test(caption)) {
      const captionTokens = tokenize(caption) as Token[];
      for (let k = 0; k < captionTokens.length; k++) {
        const place = PLACE_MATCHER.matchAt(captionTokens, k);
        if (place && PLACES[place[0]] && captionTokens[k - 1]?.text === "in")
          return { name: place[0], countryCode: PLACES[place[0]] ?? null };
      }
    }
    const dateline = this.story.dateline?.place.split(",")[0]?.trim();
    if (dateline) return { name: dateline, countryCode: placeCountry(dateline) };
    return null;
  }

  /** The first date a sentence states (resolved against the story's date), if any. */
  private dateOf(s: number): { start: string; end: string | null } | undefined {
    return this.datesOf(s)[0];
  }

  private firstDateOf(paragraphStartSentence: number) {
    return this.dateOf(paragraphStartSentence);
  }

  private readonly dateCache = new Map<number, { start: string; end: string | null }[]>();

  /**
   * Dates a sentence states, resolved with chrono-node against the story's date: explicit days ("November 18",
   * "November 15-18") and relative ones ("yesterday", "on Monday"); vaguer ones ("this year") and days after the
   * story's date are left out. At most the first 600 characters of a sentence are read.
   */
  private datesOf(s: number): { start: string; end: string | null }[] {
    const cached = this.dateCache.get(s);
    if (cached) return cached;
    const { start, end } = this.sentences[s]!;
    const text = this.body.slice(start, Math.min(end, start + 600));
    if (!MAY_STATE_A_DAY.test(text)) {
      this.dateCache.set(s, []);
      return [];
    }
    const reference = { instant: new Date(`${this.story.publishedOn}T12:00:00Z`), timezone: 0 };
    const dates: { start: string; end: string | null }[] = [];
    for (const result of chrono.casual.parse(text, reference, { forwardDate: false })) {
      const known = result.start.isCertain("day") || result.start.isCertain("weekday");
      if (!known) continue;
      const day = dayOf(result.start);
      if (day > this.story.publishedOn) continue;
      const last = result.end ? dayOf(result.end) : null;
      dates.push({ start: day, end: last && last > day ? last : null });
    }
    this.dateCache.set(s, dates);
    return dates;
  }
}

// ---------------------------------------------------------------------------------------------------------------------

function addForm(forms: Forms, text: string, confidence: number) {
  const current = forms.get(text);
  if (current === undefined || confidence > current) forms.set(text, confidence);
}

const lastPart = (text: string) => text.split(/[-‑]/).at(-1)!;

const isGovernmentBody = (head: string) =>
  ["Ministry", "Department", "Agency", "Authority", "Commission", "Bureau", "Office", "Board", "Administration"].includes(head);

/**
 * The words chrono-node's English parsers build a day from: digits, month and weekday names, "now", "today",
 * "yesterday", "last night", parts of a day, and the time units of "a week ago", "within a month", "the next day"
 * (relations such as "ago" or "next" need a unit, a weekday or a number). A sentence with none of them states no day
 * and is not handed to chrono, which runs every parser over every sentence (a third of the extraction's time). Wide
 * on purpose ("may", "march"); a test checks that no sentence of the corpus it passes over has a day for chrono.
 */
export const MAY_STATE_A_DAY = new RegExp(
  [
    "\\d",
    "\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\\b",
    "\\b(?:january|february|march|april|june|july|august|september|october|november|december)\\b",
    "\\b(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat|weekend)s?\\b",
    "\\b(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)s?\\b",
    "\\b(?:now|today|tonight|tomorrow|tmr|tmrw|overmorrow|yesterday)\\b",
    "\\b(?:noon|midday|midnight|morning|afternoon|evening|night)s?\\b",
    "\\b(?:day|week|fortnight|month|quarter|qtr|year|yr|hour|hr|minute|min|second|sec|mo|wk)s?\\b",
  ].join("|"),
  "i",
);

function dayOf(component: chrono.ParsedComponents): string {
  const pad = (n: number | null) => String(n ?? 0).padStart(2, "0");
  return `${component.get("year")}-${pad(component.get("month"))}-${pad(component.get("day"))}`;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((value, index) => value === y[index]);
};

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** The country of a dateline place ("Kuala Lumpur", "Kuala Lumpur, Malaysia", "Singapore"). */
export function placeCountry(place: string | null): string | null {
  if (!place) return null;
  const parts = place.split(",").map((part) => part.trim());
  for (const part of [...parts].reverse()) {
    const country = COUNTRY_BY_KEY.get(nameKey(part));
    if (country) return country.code;
  }
  for (const part of parts) {
    const entry = Object.entries(PLACES).find(([name]) => nameKey(name) === nameKey(part));
    if (entry && entry[1]) return entry[1];
  }
  return null;
}

/** The country entry of an ISO code (names of countries for titles). */
export const countryNamed = (code: string) => COUNTRY_BY_CODE.get(code)?.name ?? code;
