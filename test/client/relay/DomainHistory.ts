// A mail domain page: its change log and its timeline, each a @connection, refetchable by id.
const graphql = String.raw;

export const fragment = graphql`
  fragment DomainHistory_domain on Domain
  @refetchable(queryName: "DomainHistoryRefetchQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) {
    id
    name
    changes(first: $count, after: $cursor) @connection(key: "DomainHistory_changes") {
      totalCount
      edges {
        node {
          id
          occurredAt
          user
          message
        }
      }
    }
  }
`;

export const timeline = graphql`
  fragment DomainHistory_timeline on Domain
  @refetchable(queryName: "DomainHistoryTimelineRefetchQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) {
    id
    timeline(first: $count, after: $cursor) @connection(key: "DomainHistory_timeline") {
      edges {
        node {
          id
          provider
          summary
        }
      }
    }
  }
`;
