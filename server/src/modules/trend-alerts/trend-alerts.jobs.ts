import { CheckOrganisationTrends, CheckTrends } from './check-trends.job';

export const trendAlertJobs = [CheckTrends, CheckOrganisationTrends];
