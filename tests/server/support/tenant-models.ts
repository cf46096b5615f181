import mongoose, { type Model } from 'mongoose';

// Importing the app and the worker registry registers every model the product has.
import '../../../server/src/app';
import '../../../server/src/registry';
import { tenantScoped } from '../../../server/src/lib/tenant';

/**
 * Models that belong to no single organisation, each with the reason. Every other registered
 * model must be tenant-scoped (tenant-models.test.ts): a new model that is neither fails a test.
 */
export const NOT_TENANT_OWNED: Record<string, string> = {
  Organisation: 'the tenant itself: its _id is the organisationId others carry',
  User: 'a person may belong to several organisations',
  UserToken: "a person's own email-verification and password-reset tokens, before any organisation",
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the models differ; tests read them generically
export type AnyModel = Model<any>;

// mongoose records each plugin applied to a schema in `schema.plugins` (untyped).
export const isTenantScoped = (model: AnyModel) =>
  (model.schema as unknown as { plugins: Array<{ fn: unknown }> }).plugins.some((p) => p.fn === tenantScoped);

/** Every registered model, by name. */
export const registeredModels = (): Array<[string, AnyModel]> =>
  mongoose.modelNames().map((name) => [name, mongoose.model(name) as AnyModel]);

/** The tenant-owned models, derived from what is registered rather than listed by hand. */
export const tenantOwnedModels = (): Array<[string, AnyModel]> =>
  registeredModels().filter(([, model]) => isTenantScoped(model));
