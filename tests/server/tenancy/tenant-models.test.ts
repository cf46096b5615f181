import { Types } from 'mongoose';

import { TenantScopeError } from '../../../server/src/lib/tenant';
import { startHarness, type Harness } from '../../setup/harness';
import { NOT_TENANT_OWNED, registeredModels, tenantOwnedModels } from '../support/tenant-models';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

describe('the tenant-owned models, derived from the registered ones', () => {
  it('every registered model is tenant-scoped or on the allow-list with a reason, and the list names no model that is gone', () => {
    const unscoped = registeredModels()
      .filter(([name]) => !tenantOwnedModels().some(([owned]) => owned === name))
      .map(([name]) => name)
      .sort();
    expect(unscoped).toEqual(Object.keys(NOT_TENANT_OWNED).sort());
  });

  it('finds the models of every module, so an empty derivation cannot pass', () => {
    const names = tenantOwnedModels().map(([name]) => name);
    expect(names).toEqual(
      expect.arrayContaining(['Membership', 'Invitation', 'ApiKey', 'AuditEvent', 'Email', 'DomainEvent', 'Survey']),
    );
  });

  it.each(tenantOwnedModels())(
    'when a query on %s names no organisation, then it throws TenantScopeError; naming one answers',
    async (_name, model) => {
      await expect(model.find({}).lean()).rejects.toThrow(TenantScopeError);
      await expect(model.countDocuments({ _id: new Types.ObjectId() })).rejects.toThrow(TenantScopeError);
      await expect(model.find({ organisationId: new Types.ObjectId() }).lean()).resolves.toEqual([]);
    },
  );
});
