/** The longest slug, in characters. */
export const MAX_SLUG = 120;

/** URL-safe slug from a headline: lower case ASCII words joined by hyphens, cut at a word boundary within 120 characters. */
export const slugify = (text: string): string => {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG) return slug;
  // Cut before the word that would cross the limit; a single over-long word is cut where it must be.
  const cut = slug.lastIndexOf("-", MAX_SLUG);
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, MAX_SLUG);
};
