import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch } from '../../../lib/api-client';
import { contactsQueryKey } from './get-contacts';

export const eraseContact = (contactId: string) => apiFetch(`/api/v1/contacts/${contactId}`, { method: 'DELETE' });

export function useEraseContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: eraseContact,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactsQueryKey }),
  });
}
