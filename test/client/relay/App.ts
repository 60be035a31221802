// The queries of a small app that spreads the fragments, including `Query.node` on any Node and
// a deferred fragment.
const graphql = String.raw;

export const app = graphql`
  query AppQuery($domain: String!, $zone: String!) {
    ...ChangesFeed_query @arguments(domain: $domain)
    ...ChangesFeed_zones
    zone(name: $zone) {
      ...ZoneTimeline_zone @defer(label: "zoneTimeline")
    }
    domain(name: $domain) {
      ...DomainHistory_domain
      ...DomainHistory_timeline
    }
  }
`;

export const node = graphql`
  query AppNodeQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Zone {
        name
      }
      ... on Domain {
        name
      }
      ... on Change {
        provider
        summary
      }
    }
  }
`;
