import { IconKey } from '@tabler/icons-react';

import type { OnboardingStep } from '../../lib/onboarding';
import { useApiKeys } from './api/get-api-keys';

export const connectSystemsStep: OnboardingStep = {
  id: 'connect-systems',
  to: '/api-keys',
  icon: IconKey,
  title: 'Connect your systems',
  description: 'Create a key so your CRM or help desk can tell Pulse when to ask for feedback.',
  permission: 'apikeys.manage',
  useDone: () => {
    const { data } = useApiKeys();
    return data && data.apiKeys.length > 0;
  },
};
