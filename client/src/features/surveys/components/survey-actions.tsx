import { Button, Menu } from '@mantine/core';
import type { Survey } from '@pulse/shared/schemas/surveys';
import { IconArchive, IconChevronDown, IconCopy, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useNavigate } from 'react-router';

import { useSurveyAction, type SurveyAction } from '../api/save-survey';

/** Duplicate, pause, resume, archive: whichever the survey's state allows. */
export function SurveyActions({ survey, onError }: { survey: Survey; onError: (error: unknown) => void }) {
  const action = useSurveyAction(survey.id);
  const navigate = useNavigate();
  const run = (a: SurveyAction) =>
    action.mutate(a, {
      onSuccess: (data) => {
        if (a === 'duplicate') navigate(`/surveys/${data.survey.id}`);
      },
      onError,
    });
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />} loading={action.isPending}>
          More
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconCopy size={16} aria-hidden />} onClick={() => run('duplicate')}>
          Duplicate
        </Menu.Item>
        {survey.status === 'active' && (
          <Menu.Item leftSection={<IconPlayerPause size={16} aria-hidden />} onClick={() => run('pause')}>
            Pause
          </Menu.Item>
        )}
        {survey.status === 'paused' && (
          <Menu.Item leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => run('resume')}>
            Resume
          </Menu.Item>
        )}
        {survey.status !== 'archived' && (
          <Menu.Item color="red" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => run('archive')}>
            Archive
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
