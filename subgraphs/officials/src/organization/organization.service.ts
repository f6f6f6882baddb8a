import { type Connection, newId, toConnection } from "@newsfed/kit";
import type { OrganizationRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import type { PageArgs } from "../official/official.service.js";
import type { OrganizationFilter, OrganizationRepo } from "./organization.repo.js";

export interface NewOrganization {
  id?: string;
  name: string;
  acronym?: string | null;
  kind: string;
  countryCode?: string | null;
}

export class OrganizationService {
  constructor(
    private readonly repo: OrganizationRepo,
    private readonly loaders: Loaders,
  ) {}

  get(id: string): Promise<OrganizationRow | null> {
    return this.loaders.organizationById.load(id);
  }

  async list(args: PageArgs<OrganizationFilter>): Promise<Connection<OrganizationRow>> {
    const pages = await this.repo.page(args);
    return toConnection(pages.get("")!, (ids) => this.loaders.organizationById.loadMany(ids));
  }

  async create(input: NewOrganization, actor: string): Promise<OrganizationRow> {
    const id = input.id ?? newId();
    await this.repo.insert({
      id,
      name: input.name.trim(),
      acronym: input.acronym ?? null,
      kind: input.kind,
      countryCode: input.countryCode ?? null,
      updatedBy: actor,
    });
    this.loaders.organizationById.clear(id);
    return (await this.get(id))!;
  }
}
