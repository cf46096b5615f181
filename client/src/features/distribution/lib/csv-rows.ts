import type { AttributeType, AttributeValue } from '@pulse/shared/schemas/contacts';
import { Interaction } from '@pulse/shared/schemas/interactions';

/** A problem with one row of the file: the row as a spreadsheet numbers it (the header is row 1). */
export interface RowError {
  row: number;
  /** The column as the file names it, or `row` when no single column is at fault. */
  field: string;
  message: string;
}

type Target =
  | { kind: 'interaction'; key: 'touchpoint' | 'occurredAt' | 'channel' | 'idempotencyKey' }
  | { kind: 'contact'; key: 'externalId' | 'email' | 'name' | 'language' | 'timeZone' }
  | { kind: 'attribute'; key: string };

// Headers are matched loosely (case, spaces, _ and -), as spreadsheets and exports write them.
const COLUMNS: Record<string, Target> = {
  touchpoint: { kind: 'interaction', key: 'touchpoint' },
  occurredat: { kind: 'interaction', key: 'occurredAt' },
  channel: { kind: 'interaction', key: 'channel' },
  idempotencykey: { kind: 'interaction', key: 'idempotencyKey' },
  externalid: { kind: 'contact', key: 'externalId' },
  email: { kind: 'contact', key: 'email' },
  name: { kind: 'contact', key: 'name' },
  language: { kind: 'contact', key: 'language' },
  timezone: { kind: 'contact', key: 'timeZone' },
};

export interface ColumnMap {
  targets: Target[];
  headers: string[];
  /** Column header by the interaction path it fills (`contact.email` → `E-mail`), for error reports. */
  headerOf: (path: string) => string;
}

/** Reads the header row; unknown columns are refused up front so a typo never drops a column silently. */
export function mapColumns(headers: string[]): { map: ColumnMap } | { error: string } {
  const targets: Target[] = [];
  const byPath = new Map<string, string>();
  for (const header of headers) {
    const attribute = /^(?:attr|attribute|attributes)\.([A-Za-z][A-Za-z0-9_]{0,39})$/.exec(header.trim());
    const target: Target | undefined = attribute
      ? { kind: 'attribute', key: attribute[1]! }
      : COLUMNS[header.toLowerCase().replace(/[\s_-]/g, '')];
    if (!target) {
      return {
        error: `Column “${header}” is not one Pulse reads. Use touchpoint, email, externalId, name, language, timeZone, occurredAt, channel, idempotencyKey, or attr.<name> for a contact attribute.`,
      };
    }
    targets.push(target);
    byPath.set(pathOf(target), header);
  }
  if (!byPath.has('contact.email') && !byPath.has('contact.externalId')) {
    return { error: 'The file needs an email or an externalId column to know who each row is about.' };
  }
  const headerOf = (path: string) => {
    const parts = path.split('.');
    for (let n = parts.length; n > 0; n--) {
      const header = byPath.get(parts.slice(0, n).join('.'));
      if (header) return header;
    }
    // The contact refinement ("needs an externalId or an email") names externalId, which the file may lack.
    if (path.startsWith('contact.')) return byPath.get('contact.email') ?? byPath.get('contact.externalId')!;
    return path || 'row';
  };
  return { map: { targets, headers, headerOf } };
}

const pathOf = (t: Target) =>
  t.kind === 'interaction' ? t.key : t.kind === 'contact' ? `contact.${t.key}` : `contact.attributes.${t.key}`;

/** A cell as its attribute's type: text in the file, typed as the organisation first saw it. */
function typed(type: AttributeType | undefined, raw: string): AttributeValue {
  if (type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (type === 'boolean' && /^(true|false)$/i.test(raw.trim())) return raw.trim().toLowerCase() === 'true';
  return raw;
}

export interface RowContext {
  map: ColumnMap;
  attributeTypes: ReadonlyMap<string, AttributeType>;
  /** Used for rows without a touchpoint cell. */
  defaultTouchpoint?: string;
  /** Each row gets `<prefix>:<row>` unless it names its own key, so importing a file again asks nobody twice. */
  idempotencyPrefix: string;
}

/** One CSV record → an interaction checked with the same schema the API applies, or its errors. */
export function toInteraction(
  cells: string[],
  row: number,
  ctx: RowContext,
): { interaction: Interaction } | { errors: RowError[] } {
  const raw: Record<string, unknown> = {};
  const contact: Record<string, unknown> = {};
  const attributes: Record<string, AttributeValue> = {};
  ctx.map.targets.forEach((target, i) => {
    const cell = (cells[i] ?? '').trim();
    if (cell === '') return;
    if (target.kind === 'interaction') raw[target.key] = cell;
    else if (target.kind === 'contact') contact[target.key] = cell;
    else attributes[target.key] = typed(ctx.attributeTypes.get(target.key), cell);
  });
  if (Object.keys(attributes).length) contact.attributes = attributes;
  const candidate = {
    touchpoint: ctx.defaultTouchpoint,
    idempotencyKey: `${ctx.idempotencyPrefix}:${row}`,
    ...raw,
    contact,
  };
  const parsed = Interaction.safeParse(candidate);
  if (parsed.success) return { interaction: parsed.data };
  return {
    errors: parsed.error.issues.map((issue) => ({
      row,
      field: ctx.map.headerOf(issue.path.map(String).join('.')),
      message: issue.path[0] === 'touchpoint' && !candidate.touchpoint ? 'needs a touchpoint' : issue.message,
    })),
  };
}
