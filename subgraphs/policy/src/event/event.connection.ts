import { connectionType } from "@newsfed/kit/graphql";
import { PolicyEvent } from "./event.type.js";

export const PolicyEventConnection = connectionType(PolicyEvent, "PolicyEvent", "policy events");
