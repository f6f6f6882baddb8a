import { newId } from "@newsfed/kit/db";
import { type UserError, UserErrorCode } from "@newsfed/kit/graphql";
import { clearLoaders } from "@newsfed/kit/loaders";
import { type Connection, toConnection } from "@newsfed/kit/paging";
import { type RequestRuntime } from "@newsfed/kit/subgraph";
import { ChangeAction, changeOf, checkUnreferenced, historyOf, notFound, requireScope, Validation } from "@newsfed/kit/writes";
import type { OrganizationRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import type { PageArgs } from "../official/official.service.js";
import type { ReferenceRepo } from "../references.repo.js";
import { OrganizationKind } from "./organization-kind.enum.js";
import type { OrganizationFilter, OrganizationRepo } from "./organization.repo.js";

export interface OrganizationInput {
  name?: string | null;
  acronym?: string | null;
  kind?: string | null;
  countryCode?: string | null;
}

export interface OrganizationPayload {
  organization: OrganizationRow | null;
  userErrors: UserError[];
}

const WRITE_SCOPE = "officials:write";
const KINDS = new Set<string>(Object.values(OrganizationKind));

export class OrganizationService {
  constructor(
    private readonly repo: OrganizationRepo,
    private readonly references: ReferenceRepo,
    private readonly loaders: Loaders,
    private readonly runtime: RequestRuntime,
  ) {}

  /** The record's audit trail, newest first. */
  history(id: string, args: { first: number; after?: string | null }) {
    return historyOf(this.loaders.changes, "Organization", id, args);
  }

  get(id: string): Promise<OrganizationRow | null> {
    return this.loaders.organizationById.load(id);
  }

  async list(args: PageArgs<OrganizationFilter>): Promise<Connection<OrganizationRow>> {
    const pages = await this.repo.page(args);
    return toConnection(pages.get("")!, (ids) => this.loaders.organizationById.loadMany(ids));
  }

  async create(input: OrganizationInput & { id?: string }): Promise<OrganizationPayload> {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    const v = new Validation();
    const row = await this.validate(input, v, true);
    if (!v.ok) return { organization: null, userErrors: v.errors };
    const id = input.id ?? newId();
    await this.repo.insert(
      { id, ...row, name: row.name!, kind: row.kind!, updatedBy: actor.subject },
      changeOf("Organization", ChangeAction.CREATED, id, actor, input),
    );
    return { organization: await this.fresh(id), userErrors: [] };
  }

  async update(id: string, input: OrganizationInput): Promise<OrganizationPayload> {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    if (!(await this.get(id))) return { organization: null, userErrors: [notFound(id)] };
    const v = new Validation();
    const row = await this.validate(input, v, false);
    if (!v.ok) return { organization: null, userErrors: v.errors };
    await this.repo.update(
      id,
      { ...row, updatedBy: actor.subject, updatedAt: new Date() },
      changeOf("Organization", ChangeAction.UPDATED, id, actor, input),
    );
    return { organization: await this.fresh(id), userErrors: [] };
  }

  /** Refused while any position is held in it, any initiative is led by it, or any article mentions it. */
  async delete(id: string): Promise<{ deletedId: string | null; userErrors: UserError[] }> {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    if (!(await this.get(id))) return { deletedId: null, userErrors: [notFound(id)] };
    const v = new Validation();
    const positions = await this.references.positionsAt(id);
    await checkUnreferenced(
      this.runtime.federation,
      "organization",
      `query OrganizationUsage($id: ID!) { organization(id: $id) { initiatives(first: 0) { totalCount } mentionCount } }`,
      { id },
      {
        "position(s) of officials": () => positions,
        "initiative(s) it leads": (d) => d.organization?.initiatives?.totalCount,
        "mention(s) in articles": (d) => d.organization?.mentionCount,
      },
      v,
    );
    if (!v.ok) return { deletedId: null, userErrors: v.errors };
    await this.repo.delete(id, changeOf("Organization", ChangeAction.DELETED, id, actor));
    clearLoaders(this.loaders);
    return { deletedId: id, userErrors: [] };
  }

  private async fresh(id: string) {
    clearLoaders(this.loaders);
    return this.get(id);
  }

  private async validate(input: OrganizationInput, v: Validation, creating: boolean) {
    const row: { name?: string; acronym?: string | null; kind?: string; countryCode?: string | null } = {};
    if (creating || input.name !== undefined)
      row.name = v.text("input.name", input.name, { required: true, max: 300 }) ?? undefined;
    if (input.acronym !== undefined) row.acronym = v.text("input.acronym", input.acronym, { max: 32 });
    if (creating || input.kind !== undefined) {
      if (!input.kind || !KINDS.has(input.kind)) {
        v.add("input.kind", UserErrorCode.REQUIRED, `\`input.kind\` must be one of ${[...KINDS].join(", ")}.`);
      } else row.kind = input.kind;
    }
    if (input.countryCode !== undefined) {
      row.countryCode = v.countryCode("input.countryCode", input.countryCode);
      if (row.countryCode && !(await this.references.countriesExist([row.countryCode])).has(row.countryCode)) {
        v.add(
          "input.countryCode",
          UserErrorCode.UNKNOWN_REFERENCE,
          `\`input.countryCode\`: no country "${row.countryCode}" exists.`,
        );
      }
    }
    return row;
  }
}
