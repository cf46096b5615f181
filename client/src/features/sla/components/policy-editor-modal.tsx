import { Checkbox, Fieldset, Group, Modal, MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CasePriority } from '@pulse/shared/schemas/alerts';
import type { CreateSlaPolicyBody } from '@pulse/shared/schemas/sla';
import type { z } from 'zod';

import { ModalForm } from '../../../components/modal-form';
import { ApiError } from '../../../lib/api-client';
import { useFormSubmit } from '../../../lib/forms';
import { useTeamChoices } from '../../../lib/team-choices';
import { useCreateSlaPolicy } from '../api/change-sla';
import { useMemberOptions, useTouchpointOptions } from '../api/get-options';

interface Values extends Record<string, unknown> {
  name: string;
  touchpointId: string | null;
  priority: string | null;
  clock: 'business' | '24/7';
  firstResponseHours: number | string;
  resolutionHours: number | string;
  warnPercent: number | string;
  warnNotify: string[];
  warnReassignTo: string | null;
  breachNotify: string[];
  breachRaise: boolean;
  /** The team "The team" mails at either step; null: the case's own team. */
  notifyTeamId: string | null;
}

const NOTIFY = [
  { value: 'assignee', label: 'The assignee' },
  { value: 'team', label: 'The team' },
  { value: 'admins', label: 'Admins' },
];
const minutes = (hours: number | string) => Math.round(Number(hours) * 60);

/** The form's two moments (a warning at a share, and the breach) as the policy's steps. */
function stepsOf(v: Values): z.input<typeof CreateSlaPolicyBody>['escalations'] {
  const steps: NonNullable<z.input<typeof CreateSlaPolicyBody>['escalations']> = [];
  if (v.warnNotify.length || v.warnReassignTo) {
    steps.push({
      percent: Number(v.warnPercent),
      notify: v.warnNotify as never,
      reassignTo: v.warnReassignTo,
      teamId: v.notifyTeamId,
    });
  }
  if (v.breachNotify.length || v.breachRaise) {
    steps.push({ percent: 100, notify: v.breachNotify as never, raisePriority: v.breachRaise, teamId: v.notifyTeamId });
  }
  return steps;
}

export function PolicyEditorModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateSlaPolicy();
  const touchpoints = useTouchpointOptions();
  const people = useMemberOptions();
  const teams = useTeamChoices();
  const form = useForm<Values>({
    initialValues: {
      name: '',
      touchpointId: null,
      priority: null,
      clock: 'business',
      firstResponseHours: 4,
      resolutionHours: 24,
      warnPercent: 75,
      warnNotify: ['assignee'],
      warnReassignTo: null,
      breachNotify: ['admins'],
      breachRaise: false,
      notifyTeamId: null,
    },
    validate: { name: (v) => (v.trim() ? null : 'Name the policy after the cases it covers') },
  });
  const submit = useFormSubmit(
    form,
    async (v) => {
      await create.mutateAsync({
        name: v.name,
        touchpointId: v.touchpointId,
        priority: v.priority as CasePriority | null,
        clock: v.clock,
        firstResponseMinutes: minutes(v.firstResponseHours),
        resolutionMinutes: minutes(v.resolutionHours),
        escalations: stepsOf(v),
      });
      form.reset();
      onClose();
    },
    {
      explain: (error) => {
        // The form asks for hours; the API counts minutes.
        const path = error instanceof ApiError ? error.details[0]?.path : undefined;
        if (path === 'body.firstResponseMinutes')
          return { field: 'firstResponseHours', message: 'Must be more than zero and no later than the resolution' };
        if (path === 'body.resolutionMinutes') return { field: 'resolutionHours', message: 'Must be more than zero' };
        return undefined;
      },
    },
  );
  const close = () => {
    submit.reset();
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New SLA policy" size="lg">
      <ModalForm
        label="New SLA policy"
        submit={submit}
        onCancel={close}
        submitLabel="Create policy"
        submitting={create.isPending}
      >
        <TextInput label="Policy name" required data-autofocus {...form.getInputProps('name')} />
        <Group grow>
          <Select
            label="Touchpoint"
            placeholder="Any touchpoint"
            clearable
            data={touchpoints.data ?? []}
            {...form.getInputProps('touchpointId')}
          />
          <Select
            label="Priority"
            placeholder="Any priority"
            clearable
            data={CasePriority.options}
            {...form.getInputProps('priority')}
          />
        </Group>
        <Select
          label="Clock"
          allowDeselect={false}
          data={[
            { value: 'business', label: 'Business hours (see the calendar)' },
            { value: '24/7', label: 'Around the clock (24/7)' },
          ]}
          {...form.getInputProps('clock')}
        />
        <Group grow>
          <NumberInput
            label="First response within (hours)"
            min={0}
            decimalScale={2}
            {...form.getInputProps('firstResponseHours')}
          />
          <NumberInput
            label="Resolution within (hours)"
            min={0}
            decimalScale={2}
            {...form.getInputProps('resolutionHours')}
          />
        </Group>
        <Fieldset legend="Warning before the resolution is due">
          <NumberInput
            label="At this share of the time (%)"
            min={1}
            max={99}
            allowDecimal={false}
            {...form.getInputProps('warnPercent')}
          />
          <MultiSelect label="Notify" data={NOTIFY} {...form.getInputProps('warnNotify')} />
          <Select
            label="Reassign to"
            placeholder="Keep the assignee"
            clearable
            data={people.data ?? []}
            {...form.getInputProps('warnReassignTo')}
          />
        </Fieldset>
        <Fieldset legend="When the resolution target is missed">
          <MultiSelect label="Notify" data={NOTIFY} {...form.getInputProps('breachNotify')} />
          <Checkbox
            mt="sm"
            label="Raise the priority one step"
            {...form.getInputProps('breachRaise', { type: 'checkbox' })}
          />
        </Fieldset>
        <Select
          label="“The team” means"
          description="Without a choice: the case’s own team, or everyone who works cases when it has none"
          placeholder="The case’s team"
          clearable
          data={teams.data ?? []}
          {...form.getInputProps('notifyTeamId')}
        />
      </ModalForm>
    </Modal>
  );
}
