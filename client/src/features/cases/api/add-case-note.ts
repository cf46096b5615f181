import { useCaseMutation } from './case-mutation';

export const useAddCaseNote = (caseId: string) => useCaseMutation<{ text: string }>(caseId, '/notes');
