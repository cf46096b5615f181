import type { ErrorDetail } from '@pulse/shared/errors';
import type { AttributeValue, Attributes } from '@pulse/shared/schemas/contacts';

import type { Ctx } from '../../lib/context';
import { ContactAttributeModel } from './contact-attribute.model';

type AttributeType = 'string' | 'number' | 'boolean';
const typeOf = (v: AttributeValue) => typeof v as AttributeType;

/** The organisation's attribute types by key. */
export async function attributeTypes(ctx: Ctx): Promise<Map<string, AttributeType>> {
  const defs = await ContactAttributeModel.find({ organisationId: ctx.organisationId }).lean();
  return new Map(defs.map((d) => [d.key, d.type as AttributeType]));
}

/**
 * Checks every attribute against the type it was first seen with, registering new keys (the
 * first item of a batch to use one decides). Returns the failing paths; registers nothing when
 * any fail, so a refused batch leaves no trace.
 */
export async function checkAttributeTypes(
  ctx: Ctx,
  entries: Array<{ path: string; attributes?: Attributes }>,
): Promise<ErrorDetail[]> {
  if (!entries.some((e) => e.attributes && Object.keys(e.attributes).length)) return [];
  const known = await attributeTypes(ctx);
  const fresh = new Map<string, AttributeType>();
  const errors: ErrorDetail[] = [];
  for (const { path, attributes } of entries) {
    for (const [key, value] of Object.entries(attributes ?? {})) {
      const expected = known.get(key) ?? fresh.get(key);
      if (!expected) fresh.set(key, typeOf(value));
      else if (expected !== typeOf(value)) {
        errors.push({ path: `${path}.${key}`, message: `must be a ${expected} (this attribute's type)` });
      }
    }
  }
  if (errors.length || !fresh.size) return errors;
  await ContactAttributeModel.insertMany(
    [...fresh].map(([key, type]) => ({ organisationId: ctx.organisationId, key, type })),
    { ordered: false },
  ).catch((err: { code?: number }) => {
    // Another request registered the same key at the same moment: its type stands, re-check below.
    if (err.code !== 11000) throw err;
  });
  const settled = await attributeTypes(ctx);
  return [...fresh].some(([key, type]) => settled.get(key) !== type) ? checkAttributeTypes(ctx, entries) : [];
}

/** A query-string value as the attribute's own type, for filtering. */
export function coerceAttribute(type: AttributeType | undefined, raw: string): AttributeValue {
  if (type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}
