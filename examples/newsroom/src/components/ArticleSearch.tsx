import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../gql";

export const SearchArticlesDocument = graphql(`
  query SearchArticles($search: String, $after: String) {
    articles(first: 3, after: $after, filter: { search: $search }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          headline
          publishedAt
          source {
            code
          }
          themes
        }
      }
    }
  }
`);

export function ArticleSearch({ openId, onOpen }: { openId: string | null; onOpen: (id: string) => void }) {
  const [input, setInput] = useState("");
  const [search, setSearch] = useState<string | null>(null);
  const { data, loading, error, fetchMore } = useQuery(SearchArticlesDocument, { variables: { search } });
  const articles = data?.articles;
  return (
    <section className="search">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(input.trim() || null);
        }}
      >
        <input
          aria-label="Search articles"
          placeholder="Search articles, e.g. cybersecurity"
          value={input}
          onChange={(e) => setInput(e.target.value)}
        />
        <button type="submit">Search</button>
      </form>
      {error && <p role="alert">Could not load articles: {error.message}</p>}
      {articles && (
        <p className="count" data-testid="result-count">
          {articles.totalCount} article{articles.totalCount === 1 ? "" : "s"}
        </p>
      )}
      <ul className="results">
        {articles?.edges.map(({ node }) => (
          <li key={node.id} className={node.id === openId ? "open" : undefined}>
            <button type="button" onClick={() => onOpen(node.id)}>
              <strong>{node.headline}</strong>
              <span>
                {node.source.code ?? ""} · {new Date(node.publishedAt).toISOString().slice(0, 10)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {loading && <p>Loading…</p>}
      {articles?.pageInfo.hasNextPage && (
        <button type="button" className="more" onClick={() => fetchMore({ variables: { after: articles.pageInfo.endCursor } })}>
          Load more
        </button>
      )}
    </section>
  );
}
