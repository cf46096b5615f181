import type { CaseStatus } from '@pulse/shared/schemas/cases';

import { useCaseMutation } from './case-mutation';

export const useChangeCaseStatus = (caseId: string) =>
  useCaseMutation<{ from: CaseStatus; status: Exclude<CaseStatus, 'closed'> }>(caseId, '/status');
