import {
  DigestPreviewResponse,
  DigestRecipientsResponse,
  DigestSettings,
  DigestSubscriptionResponse,
  MyDigestResponse,
  RecipientBody,
  RecipientParams,
  UpdateRecipientBody,
} from '@pulse/shared/schemas/digests';

import type { Access, Api } from '../auth/access';
import { presentSubscription } from './digests.presenter';
import {
  createRecipient,
  deleteMySubscription,
  deleteRecipient,
  listRecipients,
  mySubscription,
  previewMyDigest,
  saveMySubscription,
  updateRecipient,
} from './digests.service';

/** Every teammate manages their own digest (it shows the figures they may read anyway). */
const OWN: Access = { permission: 'responses.read' };
/** Addresses without an account are people the organisation mails: admins decide. */
const RECIPIENTS: Access = { permission: 'members.manage' };

export function registerDigestRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/v1/digests/me',
    summary: 'My digest subscription, or null',
    tags: ['digests'],
    access: OWN,
    responses: { 200: { description: 'The subscription', schema: MyDigestResponse } },
    handler: async ({ ctx }, _req, res) => {
      const doc = await mySubscription(ctx);
      res.json({ subscription: doc ? presentSubscription(doc) : null });
    },
  });
  api.route({
    method: 'put',
    path: '/api/v1/digests/me',
    summary: 'Subscribe to (or change) my digest: frequency, local hour, time zone, touchpoints',
    tags: ['digests'],
    access: OWN,
    body: DigestSettings,
    responses: { 200: { description: 'Saved', schema: DigestSubscriptionResponse } },
    handler: async ({ ctx, body }, _req, res) => {
      res.json({ subscription: presentSubscription(await saveMySubscription(ctx, body)) });
    },
  });
  api.route({
    method: 'delete',
    path: '/api/v1/digests/me',
    summary: 'Stop my digest',
    tags: ['digests'],
    access: OWN,
    responses: { 204: { description: 'Deleted' } },
    handler: async ({ ctx }, _req, res) => {
      await deleteMySubscription(ctx);
      res.status(204).end();
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/digests/me/preview',
    summary: 'Send me a preview now: the last complete period, with the settings given',
    tags: ['digests'],
    access: OWN,
    body: DigestSettings,
    responses: { 202: { description: 'Queued to my address', schema: DigestPreviewResponse } },
    handler: async ({ ctx, body }, _req, res) => {
      res.status(202).json(await previewMyDigest(ctx, body));
    },
  });
  api.route({
    method: 'get',
    path: '/api/v1/digests/recipients',
    summary: 'Digest recipients without an account',
    tags: ['digests'],
    access: RECIPIENTS,
    responses: { 200: { description: 'Recipients', schema: DigestRecipientsResponse } },
    handler: async ({ ctx }, _req, res) => {
      res.json({ subscriptions: (await listRecipients(ctx)).map((d) => presentSubscription(d)) });
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/digests/recipients',
    summary: 'Send digests to an address without an account (every digest carries an unsubscribe link)',
    tags: ['digests'],
    access: RECIPIENTS,
    body: RecipientBody,
    responses: { 201: { description: 'Created', schema: DigestSubscriptionResponse } },
    handler: async ({ ctx, body }, _req, res) => {
      res.status(201).json({ subscription: presentSubscription(await createRecipient(ctx, body)) });
    },
  });
  api.route({
    method: 'patch',
    path: '/api/v1/digests/recipients/:subscriptionId',
    summary: 'Change a recipient’s digest (and resubscribe it)',
    tags: ['digests'],
    access: RECIPIENTS,
    params: RecipientParams,
    body: UpdateRecipientBody,
    responses: { 200: { description: 'Updated', schema: DigestSubscriptionResponse } },
    handler: async ({ ctx, params, body }, _req, res) => {
      res.json({ subscription: presentSubscription(await updateRecipient(ctx, params.subscriptionId, body)) });
    },
  });
  api.route({
    method: 'delete',
    path: '/api/v1/digests/recipients/:subscriptionId',
    summary: 'Remove a recipient',
    tags: ['digests'],
    access: RECIPIENTS,
    params: RecipientParams,
    responses: { 204: { description: 'Deleted' } },
    handler: async ({ ctx, params }, _req, res) => {
      await deleteRecipient(ctx, params.subscriptionId);
      res.status(204).end();
    },
  });
}
