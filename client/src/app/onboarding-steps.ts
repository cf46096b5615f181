import { connectSystemsStep } from '../features/api-keys/onboarding';
import { addTouchpointStep } from '../features/distribution/onboarding';
import { reviewSettingsStep } from '../features/settings/onboarding';
import { inviteColleaguesStep } from '../features/members/onboarding';
import type { OnboardingStep } from '../lib/onboarding';

/** The home page's getting-started checklist, in the order a new organisation does them. */
export const ONBOARDING_STEPS: readonly OnboardingStep[] = [
  reviewSettingsStep,
  inviteColleaguesStep,
  addTouchpointStep,
  connectSystemsStep,
];
