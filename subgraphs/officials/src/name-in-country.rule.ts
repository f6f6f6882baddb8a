import { UserErrorCode } from "@newsfed/kit/graphql";
import type { UserErrorList } from "@newsfed/kit/writes";
import type { ReferenceRepo } from "./references.repo.js";

/** What the rule reads of a write: the set fields and the stored entity (null on create). */
interface NamedInCountry {
  values: { name?: string | undefined; countryCode?: string | null | undefined };
  current: { id: string; name: string; countryCode: string | null } | null | undefined;
}

/**
 * The rules officials and organizations share: one of a name per country (their natural key, decision 0011: a second
 * is DUPLICATE on `input.name`, `duplicateMessage` saying why and who holds it), and a country that exists.
 */
export async function checkNameInCountry(
  { values, current }: NamedInCountry,
  errors: UserErrorList,
  deps: {
    holderOfNaturalKey(name: string, countryCode: string, exceptId?: string): Promise<string | null>;
    references: ReferenceRepo;
    duplicateMessage(name: string, countryCode: string, holder: string): string;
  },
): Promise<void> {
  const name = values.name ?? current?.name;
  const country = values.countryCode === undefined ? current?.countryCode : values.countryCode;
  if (name && country && (values.name !== undefined || values.countryCode !== undefined)) {
    const holder = await deps.holderOfNaturalKey(name, country, current?.id);
    if (holder) errors.add("input.name", UserErrorCode.DUPLICATE, deps.duplicateMessage(name, country, holder));
  }
  if (values.countryCode && !(await deps.references.countriesExist([values.countryCode])).has(values.countryCode)) {
    errors.add(
      "input.countryCode",
      UserErrorCode.UNKNOWN_REFERENCE,
      `\`input.countryCode\`: no country "${values.countryCode}" exists.`,
    );
  }
}
