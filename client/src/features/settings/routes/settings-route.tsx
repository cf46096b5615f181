import { Skeleton, Stack } from '@mantine/core';

import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { useCan } from '../../../lib/session';
import { useOrganisation } from '../api/get-organisation';
import { OrganisationForm } from '../components/organisation-form';
import { SettingsSummary } from '../components/settings-summary';

export function SettingsRoute() {
  const organisation = useOrganisation();
  const mayManage = useCan('org.manage');

  return (
    <>
      <PageHeader title="Settings" description="Your organisation’s name, reporting time zone and email sender." />
      <QueryContent
        query={organisation}
        skeleton={
          <Stack gap="md" aria-busy="true" role="status" aria-label="Loading settings">
            <Skeleton height={120} />
            <Skeleton height={120} />
          </Stack>
        }
        errorTitle="Settings could not be loaded"
      >
        {(data) =>
          // Keyed by id so a refetch after saving does not clobber what someone is typing.
          mayManage ? <OrganisationForm key={data.id} organisation={data} /> : <SettingsSummary organisation={data} />
        }
      </QueryContent>
    </>
  );
}
