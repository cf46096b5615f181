import { VerifyEmailBanner } from '../../features/auth/components/verify-email-banner';
import { HomeRoute } from '../../features/home/routes/home-route';
import { SurveyJourney } from '../../features/surveys/components/survey-journey';
import { useCurrentSession } from '../../lib/session';
import { ONBOARDING_STEPS } from '../onboarding-steps';

/** Home, given what other features contribute to it: features do not import each other, the app does. */
export function HomePage() {
  const { role } = useCurrentSession();
  return <HomeRoute steps={ONBOARDING_STEPS} notice={<VerifyEmailBanner />} lead={<SurveyJourney role={role} />} />;
}
