import {
  TouchpointResponse,
  type CreateTouchpointBody,
  type UpdateTouchpointBody,
} from '@pulse/shared/schemas/touchpoints';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { touchpointsQueryKey } from './get-touchpoints';

export const createTouchpoint = (body: CreateTouchpointBody) =>
  apiFetch('/api/v1/touchpoints', { method: 'POST', body, schema: TouchpointResponse });

export const updateTouchpoint = (id: string, body: UpdateTouchpointBody) =>
  apiFetch(`/api/v1/touchpoints/${id}`, { method: 'PATCH', body, schema: TouchpointResponse });

export const deleteTouchpoint = (id: string) => apiFetch(`/api/v1/touchpoints/${id}`, { method: 'DELETE' });

function useInvalidating<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: touchpointsQueryKey }),
  });
}

export const useCreateTouchpoint = () => useInvalidating(createTouchpoint);
export const useUpdateTouchpoint = () =>
  useInvalidating(({ id, body }: { id: string; body: UpdateTouchpointBody }) => updateTouchpoint(id, body));
export const useDeleteTouchpoint = () => useInvalidating(deleteTouchpoint);
