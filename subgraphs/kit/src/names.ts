/**
 * Name keys: how the ingestion and the owners of named entities compare names — without case, accents or punctuation
 * ("Nguyễn Mạnh Hùng", "NGUYEN Manh-Hung" and "Nguyen Manh Hung" share the key "nguyen manh hung").
 *
 * The same function exists in SQL (`<schema>.name_key(text)`, see `nameKeySqlFunction`), where the owners compute the
 * keys of their stored names in generated columns; both use the one translation table below, and a test compares them.
 * Letters outside the table that are not a-z or 0-9 (other scripts) count as punctuation.
 */

/** Accented Latin letters (Latin-1, Latin Extended-A/B, Vietnamese), each mapped to the letter at the same index of NAME_KEY_TO. */
export const NAME_KEY_FROM =
  "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵ" +
  "ĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻ" +
  "ȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷ" +
  "ḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạ" +
  "ẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹĐđØøŁłĦħıŦŧƊ" +
  "ɗ";

/** The plain letter of each letter in NAME_KEY_FROM. */
export const NAME_KEY_TO =
  "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJj" +
  "KkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAa" +
  "AaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYyAaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLl" +
  "LlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyAa" +
  "AaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYyDdOoLlHhiTtD" +
  "d";

/** Combining diacritical marks (U+0300–U+036F): dropped, so decomposed text keys like composed text. */
export const COMBINING_MARKS = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i)).join("");

const PLAIN = new Map<string, string>();
for (let i = 0; i < NAME_KEY_FROM.length; i++) PLAIN.set(NAME_KEY_FROM[i]!, NAME_KEY_TO[i]!);
for (const mark of COMBINING_MARKS) PLAIN.set(mark, "");

const NOT_ASCII = /[^\x00-\x7f]/;

/** The comparison key of a name: accents dropped, lower case, runs of anything but a-z and 0-9 as one space, trimmed. */
export function nameKey(text: string): string {
  let plain = text;
  // Most names are plain ASCII: nothing to translate (ingestion keys every name form it meets).
  if (NOT_ASCII.test(text)) {
    plain = "";
    for (const char of text) plain += PLAIN.get(char) ?? char;
  }
  return plain
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The SQL twin of `nameKey`, as a migration creates it in a subgraph's schema. */
export function nameKeySqlFunction(schema: string): string {
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  return [
    `CREATE OR REPLACE FUNCTION "${schema}"."name_key"(name text) RETURNS text`,
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE",
    `AS $$ SELECT btrim(regexp_replace(lower(translate(name, ${quote(NAME_KEY_FROM + COMBINING_MARKS)}, ${quote(NAME_KEY_TO)})), '[^a-z0-9]+', ' ', 'g'), ' ') $$;`,
  ].join("\n");
}
