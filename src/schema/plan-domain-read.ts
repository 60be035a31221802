// `domain(name:)` must say null when the domain does not exist, which costs an OpenSRS read. When
// the query also pages the domain's changes, that read can be the page itself: this looks ahead
// at the `changes` field's arguments and plans its span, so an oldest-first page (or any page
// after a cursor) costs one upstream call in all.
import { getArgumentValues, isObjectType, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { domainPageRequest } from '../connections/domain-changes.js';
import { planSpan } from '../sources/domain-changes.js';
import type { CursorCodec } from '../pagination/cursor.js';

export function plannedDomainSpan(info: GraphQLResolveInfo, codec: CursorCodec, domain: string): [number, number] | undefined {
  const domainType = info.schema.getType('Domain');
  if (!isObjectType(domainType)) return undefined;
  const fieldDef = domainType.getFields().changes;
  const nodes = info.fieldNodes.flatMap((f) => changesFields(f.selectionSet, info));
  if (nodes.length !== 1) return undefined;
  try {
    const args = getArgumentValues(fieldDef, nodes[0], info.variableValues);
    return planSpan(domainPageRequest(codec, domain, args).request);
  } catch {
    return undefined; // invalid arguments: the `changes` resolver reports them
  }
}

function changesFields(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): import('graphql').FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === 'changes' ? [s] : [];
    if (s.kind === Kind.INLINE_FRAGMENT) return changesFields(s.selectionSet, info);
    return changesFields(info.fragments[s.name.value]?.selectionSet, info);
  });
}
