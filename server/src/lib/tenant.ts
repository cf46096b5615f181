import { Schema, Types, type Model, type MongooseQueryMiddleware, type Query } from 'mongoose';

/** The field every tenant-owned schema declares (spread into its definition, so types see it). */
export const tenantOwned = {
  organisationId: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true, index: true },
} as const;

/**
 * Makes a model tenant-owned: every document carries `organisationId`, and every query, update,
 * delete, count or aggregation on it must name one. A query that forgets throws instead of quietly
 * reading across organisations; the rare system task that must cross tenants says so explicitly
 * with `.setOptions({ crossTenant: true })`.
 */
export function tenantScoped(schema: Schema): void {
  if (!schema.path('organisationId')) throw new Error('A tenant-scoped schema must spread `tenantOwned`');

  const ops: MongooseQueryMiddleware[] = [
    'find',
    'findOne',
    'findOneAndUpdate',
    'findOneAndDelete',
    'findOneAndReplace',
    'updateOne',
    'updateMany',
    'replaceOne',
    'deleteOne',
    'deleteMany',
    'countDocuments',
    'estimatedDocumentCount',
    'distinct',
  ];
  schema.pre(ops, function (this: Query<unknown, unknown>) {
    if (this.getOptions().crossTenant) return;
    if (!namesOneOrganisation(this.getFilter().organisationId)) {
      throw new TenantScopeError(this.model.modelName, (this as { op?: string }).op ?? 'query');
    }
  });
  // bulkWrite bypasses query middleware: every filtered operation in it must name one organisation.
  schema.pre('bulkWrite', function (ops, options) {
    if ((options as { crossTenant?: boolean } | undefined)?.crossTenant) return;
    for (const op of ops) {
      const [kind, body] = Object.entries(op)[0] ?? [];
      const filter = (body as { filter?: { organisationId?: unknown } } | undefined)?.filter;
      if (kind !== 'insertOne' && !namesOneOrganisation(filter?.organisationId)) {
        throw new TenantScopeError(this.modelName, `bulkWrite.${kind}`);
      }
    }
  });
  schema.pre('aggregate', function () {
    const first = this.pipeline()[0] as { $match?: { organisationId?: unknown } } | undefined;
    if (this.options.crossTenant) return;
    if (!namesOneOrganisation(first?.$match?.organisationId)) {
      throw new TenantScopeError(this.model().modelName, 'aggregate');
    }
  });
}

/**
 * A tenant-owned document read by its `_id` alone, kept only when it belongs to `organisationId`.
 * FerretDB on SQLite pushes a filter down to its index only when the filter is exactly `{ _id }`:
 * `{ _id, organisationId }` scans the collection (2,000 documents: 24 ms against 231 ms per read,
 * `tests/bench/db.bench.ts`). Hot paths read this way; the organisation check happens here, in one
 * place, so the read is scoped all the same.
 */
export async function findOwnedById<T extends { organisationId: unknown }>(
  model: Model<never>,
  organisationId: string,
  id: string | Types.ObjectId,
): Promise<T | null> {
  const doc = await model.findById(id).setOptions({ crossTenant: true }).lean<T>();
  return doc && String(doc.organisationId) === String(organisationId) ? doc : null;
}

// One organisation, named by its id. Pipelines are not sanitised like query filters, so an
// operator such as { $exists: true } or { $in: [...] } in a $match would otherwise pass the
// check and span every organisation.
const namesOneOrganisation = (org: unknown) => org instanceof Types.ObjectId || typeof org === 'string';

export class TenantScopeError extends Error {
  constructor(model: string, op: string) {
    super(`${model}.${op} without organisationId: tenant-owned data must be read within one organisation`);
  }
}

declare module 'mongoose' {
  interface QueryOptions {
    /** Acknowledges a deliberate query across organisations (see tenantScoped). */
    crossTenant?: boolean;
  }
  interface AggregateOptions {
    crossTenant?: boolean;
  }
}
