// The cross-provider feed on Query: a @connection refetched by its arguments (@refetchable on
// Query), and the zone list.
const graphql = String.raw;

export const feed = graphql`
  fragment ChangesFeed_query on Query
  @refetchable(queryName: "ChangesFeedPaginationQuery")
  @argumentDefinitions(domain: { type: "String!" }, count: { type: "Int", defaultValue: 20 }, cursor: { type: "String" }) {
    changes(domain: $domain, first: $count, after: $cursor) @connection(key: "ChangesFeed_changes") {
      unavailableProviders
      edges {
        node {
          __typename
          id
          provider
          occurredAt
          summary
          ... on RecordSetChange {
            changeType
          }
          ... on DomainChange {
            bySystem
          }
        }
      }
    }
  }
`;

export const zones = graphql`
  fragment ChangesFeed_zones on Query
  @refetchable(queryName: "ChangesFeedZonesPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 25 }, cursor: { type: "String" }) {
    zones(first: $count, after: $cursor) @connection(key: "ChangesFeed_zones") {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;
