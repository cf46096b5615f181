import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';

import { formatTimeZoneOffset } from '../../../lib/format';

/**
 * Every IANA zone this browser knows, grouped by region and labelled with its offset, plus the
 * organisation's current zone in case this browser's list lacks it (some omit "UTC").
 */
export function timeZoneOptions(current: string): ComboboxItemGroup<ComboboxItem>[] {
  const zones = new Set([current, 'UTC', ...Intl.supportedValuesOf('timeZone')]);
  const groups = new Map<string, ComboboxItem[]>();
  for (const zone of [...zones].sort()) {
    const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : 'Other';
    const label = `${zone.replaceAll('_', ' ')} (${formatTimeZoneOffset(zone)})`;
    const items = groups.get(region) ?? [];
    items.push({ value: zone, label });
    groups.set(region, items);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}
