import { type Connection, toConnection } from "@newsfed/kit/paging";
import type { CountryRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import type { CountryPageArgs, CountryRepo } from "./country.repo.js";

export class CountryService {
  constructor(
    private readonly repo: CountryRepo,
    private readonly loaders: Loaders,
  ) {}

  get(code: string): Promise<CountryRow | null> {
    return this.loaders.countryByCode.load(code.toUpperCase());
  }

  async list(args: CountryPageArgs): Promise<Connection<CountryRow>> {
    const page = await this.loaders.countries(args).load("");
    return toConnection(page, (codes) => this.loaders.countryByCode.loadMany(codes));
  }

  /** Countries are reference data: the seed adds them and corrects their names. */
  async save(country: CountryRow): Promise<void> {
    await this.repo.upsert(country);
    this.loaders.countryByCode.clear(country.code);
  }
}
