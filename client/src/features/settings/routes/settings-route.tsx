import { Skeleton, Stack } from '@mantine/core';

import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { useCan } from '../../auth/api/get-session';
import { useOrganisation } from '../api/get-organisation';
import { OrganisationForm } from '../components/organisation-form';

export function SettingsRoute() {
  const organisation = useOrganisation();
  const mayManage = useCan('org.manage');

  return (
    <>
      <PageHeader title="Settings" description="Your organisation’s name, reporting time zone and email sender." />
      {organisation.isPending ? (
        <Stack gap="md" aria-busy="true" role="status" aria-label="Loading settings">
          <Skeleton height={120} />
          <Skeleton height={120} />
        </Stack>
      ) : organisation.isLoadingError ? (
        <ErrorState
          error={organisation.error}
          title="Settings could not be loaded"
          onRetry={() => organisation.refetch()}
        />
      ) : (
        // Keyed by id so a refetch after saving does not clobber what someone is typing.
        <OrganisationForm key={organisation.data.id} organisation={organisation.data} readOnly={!mayManage} />
      )}
    </>
  );
}
