import { Button, Group } from '@mantine/core';
import type { Touchpoint } from '@pulse/shared/schemas/touchpoints';
import { IconFileImport, IconPlus, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';

import { ConfirmModal } from '../../../components/confirm-modal';
import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { useConfirmedMutation } from '../../../lib/confirmed-mutation';
import { useCan } from '../../../lib/session';
import { useSurveyChoices } from '../api/get-survey-choices';
import { useTouchpoints } from '../api/get-touchpoints';
import { useDeleteTouchpoint } from '../api/save-touchpoint';
import { TouchpointJourney } from '../components/touchpoint-journey';
import { TouchpointModal } from '../components/touchpoint-modal';

export function TouchpointsRoute() {
  const touchpoints = useTouchpoints();
  const surveys = useSurveyChoices();
  const canEdit = useCan('distribution.write');
  const [editing, setEditing] = useState<{ touchpoint: Touchpoint | null } | null>(null);
  const remove = useConfirmedMutation<Touchpoint>(useDeleteTouchpoint(), {
    done: (tp) => ({ title: 'Touchpoint deleted', message: `${tp.name}: invitations already made keep their record.` }),
    failedTitle: 'The touchpoint was not deleted',
  });
  const surveyName = (id: string) => surveys.data?.find((s) => s.value === id)?.label;

  return (
    <>
      <PageHeader
        title="Touchpoints"
        description="Where in the customer journey Pulse asks for feedback, and the rules it follows: which survey, when, how often."
        action={
          canEdit && (
            <Group gap="sm">
              <Button
                component={Link}
                to="/import"
                variant="default"
                leftSection={<IconFileImport size={18} aria-hidden />}
              >
                Import CSV
              </Button>
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing({ touchpoint: null })}>
                New touchpoint
              </Button>
            </Group>
          )
        }
      />
      <QueryContent
        query={touchpoints}
        skeleton={<TableSkeleton label="Loading touchpoints" rows={4} />}
        errorTitle="The touchpoints could not be loaded"
        empty={{
          when: (data) => data.touchpoints.length === 0,
          icon: IconRoute,
          title: 'No touchpoints yet',
          description:
            'Add one for each moment you want feedback on — a ticket closed, a delivery made — then connect the system that reports it.',
        }}
      >
        {(data) => (
          <TouchpointJourney
            touchpoints={data.touchpoints}
            surveyName={surveyName}
            canEdit={canEdit}
            onEdit={(touchpoint) => setEditing({ touchpoint })}
            onDelete={remove.ask}
          />
        )}
      </QueryContent>
      <TouchpointModal
        opened={editing !== null}
        touchpoint={editing?.touchpoint ?? null}
        onClose={() => setEditing(null)}
      />
      <ConfirmModal {...remove.modal} title="Delete this touchpoint?" confirmLabel="Delete touchpoint">
        Interactions sent with the key <strong>{remove.row?.key}</strong> will be refused from now on. Invitations
        already made stay in the log.
      </ConfirmModal>
    </>
  );
}
