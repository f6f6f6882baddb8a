import { connectionType } from "@newsfed/kit/graphql";
import { Country } from "./country.type.js";

export const CountryConnection = connectionType(Country, "Country", "countries");
