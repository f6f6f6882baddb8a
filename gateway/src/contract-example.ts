/** The cross-subgraph example from the partner schema contract, verbatim (the gateway plans it at start). */
export const CONTRACT_EXAMPLE = /* GraphQL */ `
  query {
    articles(first: 5, filter: { search: "cybersecurity" }) {
      totalCount
      edges {
        node {
          headline
          publishedAt
          officials {
            displayName
            currentPosition {
              title
              organization {
                name
              }
            }
            country {
              name
            }
            initiatives(first: 5) {
              totalCount
              edges {
                node {
                  name
                  acronym
                  status
                }
              }
            }
          }
          events {
            title
            startDate
            location {
              name
            }
            outcomes {
              statement
              status
            }
          }
        }
      }
    }
  }
`;
