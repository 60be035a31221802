// What GraphiQL opens with: a query that shows zones, their change history and how to page.

export const EXAMPLE_QUERY = `# changegraph: DNS and mail change history in one schema.
# Run it (▶), then paste a pageInfo.endCursor into "after" in Variables
# to fetch the next page.
query ZoneHistory($zone: String = "example.com", $first: Int = 5, $after: String) {
  zones(first: 5) {
    nodes { name status shared }
    pageInfo { hasNextPage endCursor }
  }
  zone(name: $zone) {
    name
    email
    changes(first: 3) {
      nodes { occurredAt summary actor }
    }
    recordSetChanges(first: $first, after: $after) {
      edges {
        cursor
        node { occurredAt actor summary status }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}
`;

export const EXAMPLE_VARIABLES = JSON.stringify({ zone: 'example.com', first: 5, after: null }, null, 2);
