import { registerEnumType } from "type-graphql";

export enum OrganizationKind {
  GOVERNMENT = "GOVERNMENT",
  MINISTRY = "MINISTRY",
  DEPARTMENT = "DEPARTMENT",
  AGENCY = "AGENCY",
  NEWS_AGENCY = "NEWS_AGENCY",
  COMPANY = "COMPANY",
  OTHER = "OTHER",
}

registerEnumType(OrganizationKind, {
  name: "OrganizationKind",
  description: "What kind of body an organization is.",
  valuesConfig: {
    GOVERNMENT: { description: "A national or regional government as a whole." },
    MINISTRY: { description: "A government ministry, e.g. Malaysia's Ministry of Communications and Multimedia." },
    DEPARTMENT: { description: "An executive department, e.g. the United States Department of Commerce." },
    AGENCY: { description: "A public agency, regulator or unit below a ministry." },
    NEWS_AGENCY: { description: "A news agency or wire service, e.g. Vietnam News Agency." },
    COMPANY: { description: "A company, state-owned or private." },
    OTHER: { description: "Any other organization." },
  },
});
