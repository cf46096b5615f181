import { useCaseMutation } from './case-mutation';

export const useReplyToCase = (caseId: string) =>
  useCaseMutation<{ subject: string; message: string; resolve: boolean }>(caseId, '/reply');
