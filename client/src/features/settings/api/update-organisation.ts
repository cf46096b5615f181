import { Organisation, type UpdateOrganisationBody } from '@pulse/shared/schemas/organisation';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { sessionQueryKey } from '../../../lib/session';
import { organisationQueryKey } from './get-organisation';

export const updateOrganisation = (body: UpdateOrganisationBody) =>
  apiFetch('/api/v1/organisation', { method: 'PATCH', body, schema: Organisation });

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganisation,
    onSuccess: (organisation) => {
      queryClient.setQueryData(organisationQueryKey, organisation);
      // The header shows the organisation's name from the session.
      return queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}
