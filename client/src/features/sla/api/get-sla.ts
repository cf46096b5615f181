import { BusinessCalendarResponse, SlaPoliciesResponse } from '@pulse/shared/schemas/sla';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';

export const slaQueryKey = ['sla'] as const;
export const slaPoliciesQueryKey = [...slaQueryKey, 'policies'] as const;
export const slaCalendarQueryKey = [...slaQueryKey, 'calendar'] as const;

export const getSlaPolicies = (signal?: AbortSignal) =>
  apiFetch('/api/v1/sla/policies', { schema: SlaPoliciesResponse, signal });

export const getSlaCalendar = (signal?: AbortSignal) =>
  apiFetch('/api/v1/sla/calendar', { schema: BusinessCalendarResponse, signal });

export const useSlaPolicies = () =>
  useQuery(queryOptions({ queryKey: slaPoliciesQueryKey, queryFn: ({ signal }) => getSlaPolicies(signal) }));

export const useSlaCalendar = () =>
  useQuery(queryOptions({ queryKey: slaCalendarQueryKey, queryFn: ({ signal }) => getSlaCalendar(signal) }));
