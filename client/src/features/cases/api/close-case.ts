import type { RootCause } from '@pulse/shared/schemas/cases';

import { useCaseMutation } from './case-mutation';

export const useCloseCase = (caseId: string) =>
  useCaseMutation<{ rootCause: RootCause; resolved: boolean; note?: string }>(caseId, '/close');
