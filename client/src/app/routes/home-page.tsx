import { VerifyEmailBanner } from '../../features/auth/components/verify-email-banner';
import { HomeRoute } from '../../features/home/routes/home-route';
import { ONBOARDING_STEPS } from '../onboarding-steps';

/** Home, given what other features contribute to it: features do not import each other, the app does. */
export function HomePage() {
  return <HomeRoute steps={ONBOARDING_STEPS} notice={<VerifyEmailBanner />} />;
}
