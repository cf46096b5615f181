import type { UpdateCaseBody } from '@pulse/shared/schemas/cases';
import type { z } from 'zod';

import { useCaseMutation } from './case-mutation';

export const useUpdateCase = (caseId: string) => useCaseMutation<z.input<typeof UpdateCaseBody>>(caseId, '', 'PATCH');
