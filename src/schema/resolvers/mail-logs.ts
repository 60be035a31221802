// Mailboxes and companies of the OpenSRS Email API with their change logs, paged like
// `Domain.changes` (positions from the oldest entry, both orders, totalCount).
import { logChangeConnection } from '../../connections/domain-changes.js';
import { GatewayError } from '../../errors.js';
import type { CompanyChangeResolvers, CompanyResolvers, MailUserChangeResolvers, MailUserResolvers, QueryResolvers } from '../../generated/resolvers-types.js';
import { encodeId } from '../../model/ids.js';
import { isoSeconds } from '../../model/time.js';
import type { MailLogChangeModel, MailOwnerModel } from '../../parents/models.js';
import type { OpenSrsChange } from '../../providers/opensrs/client.js';
import { companyByName, mailUserByAddress } from '../lookups.js';
import { domainChangeSummary } from '../../parents/summary.js';

const entryFields = {
  provider: () => 'OPENSRS' as const,
  occurredAt: ({ entry }: { entry: OpenSrsChange }) => isoSeconds(entry.time),
  actor: ({ entry }: { entry: OpenSrsChange }) => entry.user,
  summary: ({ entry }: { entry: OpenSrsChange }) => domainChangeSummary(entry),
  application: ({ entry }: { entry: OpenSrsChange }) => entry.application,
  message: ({ entry }: { entry: OpenSrsChange }) => entry.msg,
  bySystem: ({ entry }: { entry: OpenSrsChange }) => entry.user === 'OpenSRS',
};

const notKnown = (what: string) => new GatewayError('NOT_FOUND', `OpenSRS no longer knows the ${what}`, 'OPENSRS');

export const MailUser: MailUserResolvers = {
  id: ({ name }) => encodeId({ type: 'MailUser', name }),
  address: ({ name }) => name,
  changes: ({ name }, args, ctx) =>
    logChangeConnection(ctx.mailLog('user', name), ctx.cursors, args, (position, entry): MailLogChangeModel<'MailUserChange'> => ({
      __typename: 'MailUserChange',
      name,
      position,
      entry,
    })),
};

export const MailUserChange: MailUserChangeResolvers = {
  id: ({ name, position }) => encodeId({ type: 'MailUserChange', name, position }),
  ...entryFields,
  mailUser: async ({ name }, _, ctx) => (await mailUserByAddress(ctx, name)) ?? Promise.reject(notKnown(`mailbox ${name}`)),
};

export const Company: CompanyResolvers = {
  id: ({ name }) => encodeId({ type: 'Company', name }),
  name: ({ name }) => name,
  changes: ({ name }, args, ctx) =>
    logChangeConnection(ctx.mailLog('company', name), ctx.cursors, args, (position, entry): MailLogChangeModel<'CompanyChange'> => ({
      __typename: 'CompanyChange',
      name,
      position,
      entry,
    })),
};

export const CompanyChange: CompanyChangeResolvers = {
  id: ({ name, position }) => encodeId({ type: 'CompanyChange', name, position }),
  ...entryFields,
  company: async ({ name }, _, ctx) => (await companyByName(ctx, name)) ?? Promise.reject(notKnown(`company ${name}`)),
};

export const mailLogQueries: Pick<QueryResolvers, 'mailUser' | 'company'> = {
  mailUser: (_, { address }, ctx) => mailUserByAddress(ctx, address),
  company: (_, { name }, ctx) => companyByName(ctx, name),
};
