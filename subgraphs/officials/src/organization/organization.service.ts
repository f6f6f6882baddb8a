import { type Connection, toConnection } from "@newsfed/kit/paging";
import type { RequestRuntime } from "@newsfed/kit/subgraph";
import { EntityWriter, historyOf, type WriteRuntime } from "@newsfed/kit/writes";
import type { OfficialsTx } from "../db/index.js";
import type { OrganizationRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import type { PageArgs } from "../official/official.service.js";
import type { ReferenceRepo } from "../references.repo.js";
import type { OrganizationFilter, OrganizationRepo } from "./organization.repo.js";
import { organizationWrites } from "./organization.writes.js";

/** Reads of organizations; writes go through the kit's one write path. */
export class OrganizationService {
  private writer: EntityWriter<OrganizationRow, ReturnType<typeof organizationWrites>["fields"], OfficialsTx> | undefined;
  private readonly makeWriter: () => EntityWriter<OrganizationRow, ReturnType<typeof organizationWrites>["fields"], OfficialsTx>;

  constructor(
    repo: OrganizationRepo,
    references: ReferenceRepo,
    private readonly loaders: Loaders,
    runtime: RequestRuntime,
    writeRuntime: WriteRuntime<OfficialsTx>,
  ) {
    this.makeWriter = () =>
      new EntityWriter(organizationWrites({ repo, references, loaders, federation: runtime.federation }), writeRuntime);
  }

  /** Its writes through the kit's write path, made on first use (most requests only read). */
  get writes(): EntityWriter<OrganizationRow, ReturnType<typeof organizationWrites>["fields"], OfficialsTx> {
    return (this.writer ??= this.makeWriter());
  }

  /** The record's audit trail, newest first. */
  history(id: string, args: { first: number; after?: string | null }) {
    return historyOf(this.loaders.changes, "Organization", id, args);
  }

  get(id: string): Promise<OrganizationRow | null> {
    return this.loaders.organizationById.load(id);
  }

  async list(args: PageArgs<OrganizationFilter>): Promise<Connection<OrganizationRow>> {
    const page = await this.loaders.organizations(args).load("");
    return toConnection(page, (ids) => this.loaders.organizationById.loadMany(ids));
  }
}
