import {
  BusinessCalendarResponse,
  SlaPolicyResponse,
  type BusinessCalendar,
  type CreateSlaPolicyBody,
} from '@pulse/shared/schemas/sla';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';

import { apiFetch } from '../../../lib/api-client';
import { slaQueryKey } from './get-sla';

export const saveSlaCalendar = (body: z.input<typeof BusinessCalendar>) =>
  apiFetch('/api/v1/sla/calendar', { method: 'PUT', body, schema: BusinessCalendarResponse });

export const createSlaPolicy = (body: z.input<typeof CreateSlaPolicyBody>) =>
  apiFetch('/api/v1/sla/policies', { method: 'POST', body, schema: SlaPolicyResponse });

export const deleteSlaPolicy = (policyId: string) =>
  apiFetch(`/api/v1/sla/policies/${encodeURIComponent(policyId)}`, { method: 'DELETE' });

/** Every SLA change refetches the page's two queries: they are small. */
function useSlaMutation<Input>(fn: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: slaQueryKey }) });
}

export const useSaveSlaCalendar = () => useSlaMutation(saveSlaCalendar);
export const useCreateSlaPolicy = () => useSlaMutation(createSlaPolicy);
export const useDeleteSlaPolicy = () => useSlaMutation(deleteSlaPolicy);
