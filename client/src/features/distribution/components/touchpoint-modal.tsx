import {
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  CreateTouchpointBody,
  DistributionRules,
  UpdateTouchpointBody,
  type Channel,
  type Touchpoint,
} from '@pulse/shared/schemas/touchpoints';
import { useEffect } from 'react';

import { ModalForm } from '../../../components/modal-form';
import { useFormSubmit, zodFieldErrors } from '../../../lib/forms';
import { useMemberChoices } from '../../../lib/member-choices';
import { useTeamChoices } from '../../../lib/team-choices';
import { useSurveyChoices } from '../api/get-survey-choices';
import { useCreateTouchpoint, useUpdateTouchpoint } from '../api/save-touchpoint';
import { CHANNEL_LABELS } from './distribution-labels';

type Num = number | string;

/** The form mirrors the request body, so a server error path (`body.rules.delayMinutes`) names its input. */
interface Values extends Record<string, unknown> {
  key: string;
  name: string;
  stage: string;
  order: Num;
  defaultChannel: Channel;
  ownerTeamId: string | null;
  ownerUserIds: string[];
  quietHoursOn: boolean;
  rules: {
    surveyId: string | null;
    channel: Channel;
    paused: boolean;
    delayMinutes: Num;
    samplingPercent: Num;
    fatigueDays: Num;
    quietHours: { start: string; end: string };
    reminders: { count: Num; spacingHours: Num };
    expiryDays: Num;
  };
}

const DEFAULTS = DistributionRules.parse({});

function initialValues(touchpoint: Touchpoint | null): Values {
  const rules = touchpoint?.rules ?? DEFAULTS;
  return {
    key: touchpoint?.key ?? '',
    name: touchpoint?.name ?? '',
    stage: touchpoint?.stage ?? '',
    order: touchpoint?.order ?? 0,
    defaultChannel: touchpoint?.defaultChannel ?? 'email',
    ownerTeamId: touchpoint?.ownerTeamId ?? null,
    ownerUserIds: touchpoint?.ownerUserIds ?? [],
    quietHoursOn: rules.quietHours !== null,
    rules: {
      ...rules,
      quietHours: rules.quietHours ?? { start: '21:00', end: '08:00' },
      reminders: { ...rules.reminders },
    },
  };
}

// An empty number box is a missing number, not zero: the schema says so at that field.
const num = (value: Num) => (value === '' ? undefined : Number(value));

function toRules(values: Values) {
  const r = values.rules;
  return {
    surveyId: r.surveyId,
    channel: r.channel,
    paused: r.paused,
    delayMinutes: num(r.delayMinutes),
    samplingPercent: num(r.samplingPercent),
    fatigueDays: num(r.fatigueDays),
    quietHours: values.quietHoursOn ? r.quietHours : null,
    reminders: { count: num(r.reminders.count), spacingHours: num(r.reminders.spacingHours) },
    expiryDays: num(r.expiryDays),
  };
}

const toBody = (values: Values, creating: boolean) => ({
  ...(creating ? { key: values.key } : {}),
  name: values.name,
  stage: values.stage,
  order: num(values.order),
  defaultChannel: values.defaultChannel,
  ownerTeamId: values.ownerTeamId,
  ownerUserIds: values.ownerUserIds,
  rules: toRules(values),
});

interface TouchpointModalProps {
  opened: boolean;
  /** null creates a new touchpoint. */
  touchpoint: Touchpoint | null;
  onClose: () => void;
}

/** A touchpoint and its distribution rules; every rule is checked by the shared schema at its field. */
export function TouchpointModal({ opened, touchpoint, onClose }: TouchpointModalProps) {
  const creating = touchpoint === null;
  const phone = useMediaQuery('(max-width: 36em)');
  const surveys = useSurveyChoices();
  const teams = useTeamChoices();
  const people = useMemberChoices();
  const create = useCreateTouchpoint();
  const update = useUpdateTouchpoint();
  const form = useForm<Values>({
    initialValues: initialValues(touchpoint),
    validate: (values) => {
      const schema = creating ? CreateTouchpointBody : UpdateTouchpointBody;
      const result = schema.safeParse(toBody(values, creating));
      return result.success ? {} : zodFieldErrors(result.error);
    },
  });
  const submit = useFormSubmit(form, async (values) => {
    if (creating) await create.mutateAsync(CreateTouchpointBody.parse(toBody(values, true)));
    else await update.mutateAsync({ id: touchpoint.id, body: UpdateTouchpointBody.parse(toBody(values, false)) });
    notifications.show({ color: 'teal', title: creating ? 'Touchpoint created' : 'Rules saved', message: values.name });
    onClose();
  });

  // Opening the modal for another touchpoint starts from that touchpoint's values.
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (!opened) return;
    setValues(initialValues(touchpoint));
    resetDirty();
  }, [opened, touchpoint, setValues, resetDirty]);

  const title = creating ? 'New touchpoint' : `Edit ${touchpoint.name}`;
  const close = () => {
    submit.reset();
    onClose();
  };
  const numberProps = (path: string) => ({ ...form.getInputProps(path), clampBehavior: 'none' as const });

  return (
    <Modal opened={opened} onClose={close} title={title} size="xl" fullScreen={phone}>
      <ModalForm
        label={title}
        submit={submit}
        onCancel={close}
        submitLabel={creating ? 'Create touchpoint' : 'Save rules'}
        submitting={create.isPending || update.isPending}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label="Key"
            description="What your systems send, e.g. support_ticket_closed"
            required={creating}
            disabled={!creating}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('key')}
          />
          <TextInput
            label="Journey stage"
            description="Stages read left to right, e.g. Onboarding, Support"
            required
            {...form.getInputProps('stage')}
          />
          <NumberInput label="Order" description="Lower comes first in the journey" {...numberProps('order')} />
          <Select
            label="Owner team"
            description="Told when this touchpoint’s score drops significantly (else the admins)"
            placeholder={teams.isError ? 'Could not load teams' : 'No owner team'}
            data={teams.data ?? []}
            clearable
            searchable
            {...form.getInputProps('ownerTeamId')}
          />
          <MultiSelect
            label="Owners"
            description="Told of a significant score drop too, with the owner team"
            placeholder={people.isError ? 'Could not load people' : undefined}
            data={people.data ?? []}
            searchable
            {...form.getInputProps('ownerUserIds')}
          />
        </SimpleGrid>

        <Divider />
        <Title order={3} size="h5">
          Distribution rules
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Survey"
            placeholder={surveys.isError ? 'Could not load surveys' : 'Nobody is asked yet'}
            data={surveys.data ?? []}
            clearable
            searchable
            {...form.getInputProps('rules.surveyId')}
          />
          <Select
            label="Channel"
            data={(['email', 'link'] as const).map((value) => ({ value, label: CHANNEL_LABELS[value] }))}
            allowDeselect={false}
            {...form.getInputProps('rules.channel')}
          />
          <NumberInput
            label="Send delay (minutes)"
            description="0 sends at once; 1440 is a day"
            {...numberProps('rules.delayMinutes')}
          />
          <NumberInput
            label="Sampling (%)"
            description="Share of interactions that get an invitation"
            decimalScale={2}
            {...numberProps('rules.samplingPercent')}
          />
          <NumberInput
            label="Fatigue window (days)"
            description="At most one invitation per contact in this many days, across every survey; 0 = no limit"
            {...numberProps('rules.fatigueDays')}
          />
          <NumberInput
            label="Invitation expiry (days)"
            description="The survey link stops working after this"
            {...numberProps('rules.expiryDays')}
          />
          <NumberInput
            label="Reminders"
            description="Only to those who have not answered; up to 3"
            {...numberProps('rules.reminders.count')}
          />
          <NumberInput label="Hours between reminders" {...numberProps('rules.reminders.spacingHours')} />
        </SimpleGrid>
        <Switch
          label="Quiet hours"
          description="No email between these times in the contact’s time zone (else the organisation’s)"
          {...form.getInputProps('quietHoursOn', { type: 'checkbox' })}
        />
        {form.values.quietHoursOn && (
          <Group grow gap="sm">
            <TextInput label="Quiet from" type="time" {...form.getInputProps('rules.quietHours.start')} />
            <TextInput label="Quiet until" type="time" {...form.getInputProps('rules.quietHours.end')} />
          </Group>
        )}
        <Switch
          label="Paused"
          description="Interactions are still recorded, each skipped as “survey paused”"
          {...form.getInputProps('rules.paused', { type: 'checkbox' })}
        />
      </ModalForm>
    </Modal>
  );
}
