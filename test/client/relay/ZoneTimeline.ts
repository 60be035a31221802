// A zone page: the zone's merged timeline, paged with @connection and refetched through
// `Query.node` (@refetchable on a Node type).
const graphql = String.raw;

export const fragment = graphql`
  fragment ZoneTimeline_zone on Zone
  @refetchable(queryName: "ZoneTimelineRefetchQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }, providers: { type: "[Provider!]" }) {
    id
    name
    status
    timeline(first: $count, after: $cursor, providers: $providers) @connection(key: "ZoneTimeline_timeline", filters: ["providers"]) {
      edges {
        node {
          id
          provider
          occurredAt
          actor
          summary
        }
      }
    }
    recordSetChanges(first: 5) {
      edges {
        node {
          id
          summary
        }
      }
    }
  }
`;
