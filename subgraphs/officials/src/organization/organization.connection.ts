import { connectionType } from "@newsfed/kit/graphql";
import { Organization } from "./organization.type.js";

export const OrganizationConnection = connectionType(Organization, "Organization", "organizations");
