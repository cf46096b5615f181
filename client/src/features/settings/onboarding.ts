import { IconSettings } from '@tabler/icons-react';

import type { OnboardingStep } from '../../lib/onboarding';
import { useCurrentSession } from '../../lib/session';

export const reviewSettingsStep: OnboardingStep = {
  id: 'review-settings',
  to: '/settings',
  icon: IconSettings,
  title: 'Review your organisation details',
  description: 'In Settings, check the reporting time zone and the name survey emails come from.',
  permission: 'org.manage',
  // Saving the settings once is the review; the session carries the organisation as last saved.
  useDone: () => {
    const { organisation } = useCurrentSession();
    return organisation.updatedAt !== organisation.createdAt;
  },
};
