import { z } from 'zod';

/** Roles inside one organisation, most powerful first. */
export const Role = z.enum(['owner', 'admin', 'editor', 'viewer']);
export type Role = z.infer<typeof Role>;

/** What a teammate can do. Server checks and client UI both read this one table. */
export const Permission = z.enum([
  'org.read',
  'org.manage',
  'members.read',
  'members.manage',
  'apikeys.manage',
  'audit.read',
  'surveys.read',
  'surveys.write',
  'responses.read',
  /** Touchpoints, their rules and the invitations log: no personal data, every role reads it. */
  'distribution.read',
  /** Touchpoints, rules, contact imports and test sends. */
  'distribution.write',
  /** Contacts are personal data: viewers read figures, not people. */
  'contacts.read',
  /** Erasing a person (GDPR) cannot be undone. */
  'contacts.erase',
  /** Alert rules: who hears of which feedback. */
  'alerts.manage',
  /** Follow-up cases hold a customer's comment and address: read and worked on together. */
  'cases.work',
  /** Webhook endpoints send responses to other systems and hold signing secrets. */
  'webhooks.manage',
]);
export type Permission = z.infer<typeof Permission>;

const READ: Permission[] = ['org.read', 'members.read', 'surveys.read', 'responses.read', 'distribution.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: Permission.options,
  admin: Permission.options,
  editor: [...READ, 'surveys.write', 'distribution.write', 'contacts.read', 'alerts.manage', 'cases.work'],
  viewer: READ,
};

export const can = (role: Role, permission: Permission): boolean => ROLE_PERMISSIONS[role].includes(permission);

/** Only an owner may hand out or take away ownership. */
export const canAssignRole = (actor: Role, target: Role): boolean =>
  actor === 'owner' || (can(actor, 'members.manage') && target !== 'owner');

/** What a server-to-server API key may be allowed to do. */
export const ApiKeyScope = z.enum(['interactions:write', 'responses:read', 'responses:write', 'surveys:read']);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;
