import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";

export const ArticleDetailDocument = graphql(`
  query ArticleDetail($id: ID!) {
    article(id: $id) {
      id
      headline
      body
      publishedAt
      source {
        name
      }
      dateline {
        place
        agency
      }
      photo {
        caption
        credit
      }
      officials {
        id
        displayName
        country {
          code
          name
        }
        latestPosition {
          title
          isCurrent
          organization {
            name
          }
        }
        initiatives(first: 5) {
          totalCount
          edges {
            node {
              id
              name
              acronym
              status
            }
          }
        }
      }
      events {
        id
        kind
        title
        startDate
        location {
          name
        }
        outcomes {
          id
          statement
          status
        }
      }
    }
  }
`);

export function ArticleDetail({ id }: { id: string }) {
  const { data, loading, error } = useQuery(ArticleDetailDocument, { variables: { id } });
  if (loading && !data) return <section className="detail">Loading…</section>;
  if (error)
    return (
      <section className="detail" role="alert">
        Could not load the article: {error.message}
      </section>
    );
  const article = data?.article;
  if (!article) return <section className="detail">This article no longer exists.</section>;
  return (
    <article className="detail">
      <h2>{article.headline}</h2>
      <p className="meta">
        {article.dateline ? `${article.dateline.place} (${article.dateline.agency ?? article.source.name}) · ` : ""}
        {new Date(article.publishedAt).toISOString().slice(0, 10)} · {article.source.name}
      </p>
      {article.photo && (
        <figure>
          <figcaption>
            {article.photo.caption} {article.photo.credit && <em>(Photo: {article.photo.credit})</em>}
          </figcaption>
        </figure>
      )}
      <h3>Officials</h3>
      <ul className="officials">
        {(article.officials ?? []).map((official) => (
          <li key={official.id}>
            <strong>{official.displayName}</strong>
            {official.latestPosition && (
              <span>
                {" "}
                — {official.latestPosition.title}
                {official.latestPosition.organization ? `, ${official.latestPosition.organization.name}` : ""}
                {official.latestPosition.isCurrent ? "" : " (former)"}
              </span>
            )}
            {official.country && <span> · {official.country.name}</span>}
            {official.initiatives && official.initiatives.totalCount > 0 && (
              <ul className="initiatives">
                {official.initiatives.edges.map(({ node }) => (
                  <li key={node.id}>
                    Champions {node.acronym ? `${node.acronym} (${node.name})` : node.name} — {node.status.toLowerCase()}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <h3>Events and outcomes</h3>
      <ul className="events">
        {(article.events ?? []).map((event) => (
          <li key={event.id}>
            <strong>{event.title}</strong> · {event.startDate}
            {event.location ? ` · ${event.location.name}` : ""}
            <ul>
              {event.outcomes.map((outcome) => (
                <li key={outcome.id} className="outcome">
                  <span className="status">{outcome.status.replace(/_/g, " ").toLowerCase()}</span> {outcome.statement}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <h3>Text</h3>
      {article.body.split("\n\n").map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </article>
  );
}
