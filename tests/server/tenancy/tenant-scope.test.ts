import mongoose, { Types, type Model } from 'mongoose';

import { TenantScopeError } from '../../../server/src/lib/tenant';
import { ApiKeyModel } from '../../../server/src/modules/api-keys/api-key.model';
import { AuditEventModel } from '../../../server/src/modules/audit/audit-event.model';
import { InvitationModel } from '../../../server/src/modules/members/invitation.model';
import { MembershipModel } from '../../../server/src/modules/members/membership.model';
import { ContactAttributeModel } from '../../../server/src/modules/contacts/contact-attribute.model';
import { ContactModel } from '../../../server/src/modules/contacts/contact.model';
import { TimelineEntryModel } from '../../../server/src/modules/contacts/timeline-entry.model';
import { SurveyInvitationModel } from '../../../server/src/modules/invitations/invitation.model';
import { TouchpointModel } from '../../../server/src/modules/touchpoints/touchpoint.model';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

type Doc = Record<string, unknown>;

interface TenantOwned {
  model: Model<Doc>;
  /** A valid document of `organisationId`. */
  build(organisationId: Types.ObjectId): Doc;
  /** An update that visibly changes a document. */
  change: Doc;
}

const anyId = () => new Types.ObjectId();
const MODELS: Record<string, TenantOwned> = {
  Membership: {
    model: MembershipModel as unknown as Model<Doc>,
    build: (organisationId) => ({ organisationId, userId: anyId(), role: 'viewer' }),
    change: { role: 'admin' },
  },
  ApiKey: {
    model: ApiKeyModel as unknown as Model<Doc>,
    build: (organisationId) => ({
      organisationId,
      name: 'Key',
      prefix: 'pulse_0000',
      hash: 'h',
      scopes: ['surveys:read'],
      createdBy: anyId(),
      createdByName: 'Someone',
    }),
    change: { name: 'Changed' },
  },
  Invitation: {
    model: InvitationModel as unknown as Model<Doc>,
    build: (organisationId) => ({
      organisationId,
      email: `x-${anyId()}@example.test`,
      role: 'viewer',
      hash: 'h',
      invitedBy: anyId(),
      invitedByName: 'Someone',
      expiresAt: new Date(Date.now() + 86_400_000),
    }),
    change: { state: 'revoked' },
  },
  AuditEvent: {
    model: AuditEventModel as unknown as Model<Doc>,
    build: (organisationId) => ({ organisationId, action: 'auth.login', actorKind: 'system', actorLabel: 'Pulse' }),
    change: { target: 'changed' },
  },
  // Distribution: an interaction is stored as its invitation (or skip) and its timeline entry.
  Touchpoint: {
    model: TouchpointModel as unknown as Model<Doc>,
    build: (organisationId) => ({ organisationId, key: `tp_${anyId()}`, name: 'Touchpoint', stage: 'Support' }),
    change: { name: 'Changed' },
  },
  Contact: {
    model: ContactModel as unknown as Model<Doc>,
    build: (organisationId) => {
      const email = `c-${anyId()}@example.test`;
      return { organisationId, email, emailKey: email, externalKey: `~${anyId()}` };
    },
    change: { name: 'Changed' },
  },
  ContactAttribute: {
    model: ContactAttributeModel as unknown as Model<Doc>,
    build: (organisationId) => ({ organisationId, key: `k${anyId()}`, type: 'string' }),
    change: { type: 'number' },
  },
  TimelineEntry: {
    model: TimelineEntryModel as unknown as Model<Doc>,
    build: (organisationId) => ({
      organisationId,
      contactId: anyId(),
      at: new Date(),
      kind: 'interaction',
      summary: 'Interaction',
    }),
    change: { summary: 'Changed' },
  },
  SurveyInvitation: {
    model: SurveyInvitationModel as unknown as Model<Doc>,
    build: (organisationId) => ({
      organisationId,
      touchpointId: anyId(),
      touchpointKey: 'tp',
      contactId: anyId(),
      channel: 'email',
      state: 'queued',
    }),
    change: { state: 'sent' },
  },
};

/** Two organisations with one document each; returns their ids and the documents' ids. */
async function seed({ model, build }: TenantOwned) {
  const [mine, theirs] = [anyId(), anyId()];
  const [a, b] = await model.create([build(mine), build(theirs)]);
  return { mine, theirs, mineDoc: a!._id as Types.ObjectId, theirDoc: b!._id as Types.ObjectId };
}

/** How many documents of `organisationId` there are, counted by the raw driver (no plugin involved). */
const rawCount = (model: Model<Doc>, organisationId: Types.ObjectId) =>
  model.collection.countDocuments({ organisationId });

describe.each(Object.entries(MODELS))('the tenantScoped plugin on %s', (_name, owned) => {
  const { model, change } = owned;

  it('when a query names no organisationId, then find, findOne, updateOne, deleteMany, countDocuments and aggregate throw TenantScopeError and touch nothing', async () => {
    const { mine, theirs, mineDoc } = await seed(owned);
    const before = await model.collection.findOne({ _id: mineDoc });
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['find', () => model.find({}).exec()],
      ['findOne by _id', () => model.findOne({ _id: mineDoc }).exec()],
      ['findById', () => model.findById(mineDoc).exec()],
      ['updateOne', () => model.updateOne({ _id: mineDoc }, { $set: change }).exec()],
      ['deleteMany', () => model.deleteMany({}).exec()],
      ['countDocuments', () => model.countDocuments({}).exec()],
      ['aggregate', () => model.aggregate([{ $match: {} }]).exec()],
      ['aggregate without $match', () => model.aggregate([{ $limit: 10 }]).exec()],
      ['estimatedDocumentCount', () => model.estimatedDocumentCount().exec()],
      [
        'bulkWrite updateOne',
        () => model.bulkWrite([{ updateOne: { filter: { _id: mineDoc }, update: { $set: change } } }]),
      ],
      ['bulkWrite deleteMany', () => model.bulkWrite([{ deleteMany: { filter: {} } }])],
    ];
    for (const [what, attempt] of attempts) {
      const error = await attempt().then(
        () => undefined,
        (err: unknown) => err,
      );
      expect({ what, threw: error instanceof TenantScopeError }).toEqual({ what, threw: true });
    }
    expect(await rawCount(model, mine)).toBe(1);
    expect(await rawCount(model, theirs)).toBe(1);
    expect(await model.collection.findOne({ _id: mineDoc })).toEqual(before);
  });

  it('when organisationId names an operator rather than one organisation, then it throws as well', async () => {
    const { mine, theirs } = await seed(owned);
    const spanning = mongoose.trusted({ $in: [mine, theirs] });
    await expect(model.find({ organisationId: spanning }).exec()).rejects.toThrow(TenantScopeError);
    await expect(model.countDocuments({ organisationId: mongoose.trusted({ $ne: mine }) }).exec()).rejects.toThrow(
      TenantScopeError,
    );
    await expect(model.aggregate([{ $match: { organisationId: { $exists: true } } }]).exec()).rejects.toThrow(
      TenantScopeError,
    );
    await expect(model.aggregate([{ $match: { organisationId: { $in: [mine, theirs] } } }]).exec()).rejects.toThrow(
      TenantScopeError,
    );
  });

  it('when a query names one organisationId, then it sees and changes only that organisation’s documents', async () => {
    const { mine, theirs, mineDoc, theirDoc } = await seed(owned);

    expect((await model.find({ organisationId: mine }).lean()).map((d) => String(d._id))).toEqual([String(mineDoc)]);
    expect(await model.findOne({ _id: theirDoc, organisationId: mine }).lean()).toBeNull();
    expect(await model.countDocuments({ organisationId: String(mine) })).toBe(1);
    const matched = await model.aggregate([{ $match: { organisationId: mine } }]);
    expect(matched.map((d: Doc) => String(d._id))).toEqual([String(mineDoc)]);

    // Naming their document but my organisation changes nothing of theirs.
    expect((await model.updateOne({ _id: theirDoc, organisationId: mine }, { $set: change })).matchedCount).toBe(0);
    expect((await model.updateOne({ _id: mineDoc, organisationId: mine }, { $set: change })).modifiedCount).toBe(1);
    expect(await model.collection.findOne({ _id: mineDoc })).toMatchObject(change);
    expect(await model.collection.findOne({ _id: theirDoc })).not.toMatchObject(change);

    const bulk = await model.bulkWrite([
      { updateOne: { filter: { _id: theirDoc, organisationId: mine }, update: { $set: change } } },
    ]);
    expect(bulk.matchedCount).toBe(0);

    expect((await model.deleteMany({ organisationId: mine })).deletedCount).toBe(1);
    expect(await rawCount(model, mine)).toBe(0);
    expect(await rawCount(model, theirs)).toBe(1);
  });

  it('when a query says crossTenant: true, then it may read across organisations (the explicit escape hatch)', async () => {
    const { mineDoc, theirDoc } = await seed(owned);
    const ids = [String(mineDoc), String(theirDoc)];

    const found = await model
      .find({ _id: mongoose.trusted({ $in: [mineDoc, theirDoc] }) })
      .setOptions({ crossTenant: true })
      .lean();
    expect(found.map((d) => String(d._id)).sort()).toEqual(ids.sort());
    expect(await model.findById(theirDoc).setOptions({ crossTenant: true }).lean()).toMatchObject({ _id: theirDoc });
    expect(
      await model
        .countDocuments({ _id: mongoose.trusted({ $in: [mineDoc, theirDoc] }) })
        .setOptions({ crossTenant: true }),
    ).toBe(2);
    const aggregated = await model
      .aggregate([{ $match: { _id: { $in: [mineDoc, theirDoc] } } }])
      .option({ crossTenant: true });
    expect(aggregated).toHaveLength(2);
  });
});
