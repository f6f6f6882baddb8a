import { connectionType } from "@newsfed/kit/graphql";
import { PolicyInitiative } from "./initiative.type.js";

export const PolicyInitiativeConnection = connectionType(PolicyInitiative, "PolicyInitiative", "policy initiatives");
