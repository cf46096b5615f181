import { z } from 'zod';

import {
  ContactAttributesResponse,
  ContactParams,
  ContactResponse,
  ContactsQuery,
  ContactsResponse,
  UpsertContactBody,
} from '@pulse/shared/schemas/contacts';

import { AppError } from '../../lib/errors';
import type { Api } from '../auth/access';
import { presentContact, presentTimelineEntry } from './contacts.presenter';
import { attributeTypes } from './contact-attributes';
import {
  checkAttributeTypes,
  eraseContact,
  getContact,
  listContacts,
  timelineOf,
  upsertContact,
} from './contacts.service';

export interface ContactRouteDeps {
  /** Other records that hold a contact's personal data and must forget it on erasure. */
  onErase: Array<(ctx: Parameters<typeof eraseContact>[0], contactId: string) => Promise<void>>;
}

const ContactBody = z.object({ contact: ContactResponse.shape.contact });

export function registerContactRoutes(api: Api, deps: ContactRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/v1/contacts',
    summary: 'Contacts, newest first; search by name, email or external id, filter with attr.<key>=<value>',
    tags: ['contacts'],
    access: { permission: 'contacts.read' },
    query: ContactsQuery,
    responses: { 200: { description: 'A page of contacts', schema: ContactsResponse } },
    handler: async ({ query, ctx }, _req, res) => {
      const { q, suppressed, cursor, limit, ...rest } = query;
      const attributes: Record<string, string> = {};
      for (const [name, value] of Object.entries(rest)) {
        const key = /^attr\.([A-Za-z][A-Za-z0-9_]{0,39})$/.exec(name)?.[1];
        if (!key)
          throw new AppError('validation_failed', 'Unknown filter', [
            { path: `query.${name}`, message: 'is not a filter' },
          ]);
        attributes[key] = String(value);
      }
      const page = await listContacts(ctx, { q, suppressed, cursor, limit, attributes });
      res.json({ contacts: page.contacts.map(presentContact), nextCursor: page.nextCursor });
    },
  });

  api.route({
    method: 'post',
    path: '/api/v1/contacts',
    summary: 'Create or update a contact, found by external id or email (one contact per person)',
    tags: ['contacts'],
    access: { permission: 'distribution.write', apiKeyScope: 'interactions:write' },
    body: UpsertContactBody,
    responses: { 200: { description: 'The contact', schema: ContactBody } },
    handler: async ({ body, ctx }, _req, res) => {
      const errors = await checkAttributeTypes(ctx, [{ path: 'body.attributes', attributes: body.attributes }]);
      if (errors.length) throw new AppError('validation_failed', 'The request is not valid', errors);
      const { contact } = await upsertContact(ctx, body);
      res.json({ contact: presentContact(contact) });
    },
  });

  // Before /:contactId, which would take "attributes" for an id.
  api.route({
    method: 'get',
    path: '/api/v1/contacts/attributes',
    summary: 'Contact attributes by key with their types, for filters and imports',
    tags: ['contacts'],
    access: { permission: 'contacts.read' },
    responses: { 200: { description: 'Attributes, by key', schema: ContactAttributesResponse } },
    handler: async ({ ctx }, _req, res) => {
      const types = await attributeTypes(ctx);
      const attributes = [...types].map(([key, type]) => ({ key, type })).sort((a, b) => a.key.localeCompare(b.key));
      res.json({ attributes });
    },
  });

  api.route({
    method: 'get',
    path: '/api/v1/contacts/:contactId',
    summary: 'One contact and their timeline across every touchpoint and channel',
    tags: ['contacts'],
    access: { permission: 'contacts.read' },
    params: ContactParams,
    responses: { 200: { description: 'The contact and timeline, newest first', schema: ContactResponse } },
    handler: async ({ params, ctx }, _req, res) => {
      const contact = await getContact(ctx, params.contactId);
      const timeline = await timelineOf(ctx, params.contactId);
      res.json({ contact: presentContact(contact), timeline: timeline.map(presentTimelineEntry) });
    },
  });

  api.route({
    method: 'delete',
    path: '/api/v1/contacts/:contactId',
    summary: 'Erase a contact’s personal data (GDPR); anonymous counts and scores stay',
    tags: ['contacts'],
    access: { permission: 'contacts.erase' },
    params: ContactParams,
    responses: { 204: { description: 'Erased' } },
    handler: async ({ params, ctx }, _req, res) => {
      await eraseContact(
        ctx,
        params.contactId,
        deps.onErase.map((erase) => (id: string) => erase(ctx, id)),
      );
      res.status(204).end();
    },
  });
}
