import { connectionType } from "@newsfed/kit/graphql";
import { Official } from "./official.type.js";

export const OfficialConnection = connectionType(Official, "Official", "officials");
