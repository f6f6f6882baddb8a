import { connectionType } from "@newsfed/kit/graphql";
import { Article } from "./article.type.js";

export const ArticleConnection = connectionType(Article, "Article", "articles");
