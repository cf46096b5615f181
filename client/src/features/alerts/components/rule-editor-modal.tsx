import { Checkbox, Group, Modal, MultiSelect, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AlertDelivery, CasePriority, type AlertCondition } from '@pulse/shared/schemas/alerts';

import { ModalForm } from '../../../components/modal-form';
import { useFormSubmit } from '../../../lib/forms';
import { useTeamChoices } from '../../../lib/team-choices';
import { useCreateAlertRule } from '../api/create-alert-rule';
import { RulePreview } from './rule-preview';

interface Values extends Record<string, unknown> {
  name: string;
  bands: string[];
  minScore: number | string;
  maxScore: number | string;
  hasComment: boolean;
  keywords: string[];
  channels: { emails: string[]; teamIds: string[]; webhook: boolean; attributeEmail: string; chatUrl: string };
  delivery: AlertDelivery;
  order: number | string;
  stopAfter: boolean;
  noAnswerDays: number | string;
  openCase: boolean;
  priority: CasePriority;
  slaHours: number | string;
}

const BANDS = ['detractor', 'passive', 'promoter', 'low', 'neutral', 'high'];

/** The form's fields as one condition group: everything chosen must hold together. */
function conditionsOf(v: Values): AlertCondition[] {
  const all: AlertCondition[] = [];
  if (v.bands.length) all.push({ field: 'band', in: v.bands as never });
  if (v.minScore !== '' || v.maxScore !== '')
    all.push({
      field: 'score',
      ...(v.minScore !== '' && { min: Number(v.minScore) }),
      ...(v.maxScore !== '' && { max: Number(v.maxScore) }),
    });
  if (v.hasComment) all.push({ field: 'hasComment' });
  if (v.keywords.length) all.push({ field: 'keywords', any: v.keywords });
  return all;
}

export function RuleEditorModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateAlertRule();
  const teams = useTeamChoices();
  const form = useForm<Values>({
    initialValues: {
      name: '',
      bands: ['detractor'],
      minScore: '',
      maxScore: '',
      hasComment: false,
      keywords: [],
      channels: { emails: [], teamIds: [], webhook: false, attributeEmail: '', chatUrl: '' },
      delivery: 'immediate',
      order: '',
      stopAfter: false,
      noAnswerDays: '',
      openCase: true,
      priority: 'normal',
      slaHours: 24,
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the rule after what it catches'),
      bands: (_v, values) => (conditionsOf(values).length ? null : 'Choose at least one condition'),
    },
  });
  const submit = useFormSubmit(form, async (v) => {
    await create.mutateAsync({
      name: v.name,
      groups: [conditionsOf(v)],
      priority: v.priority,
      channels: {
        emails: v.channels.emails,
        teamIds: v.channels.teamIds,
        webhook: v.channels.webhook,
        attributeEmail: v.channels.attributeEmail.trim() || null,
        chatUrl: v.channels.chatUrl.trim() || null,
      },
      delivery: v.delivery,
      ...(v.order !== '' && { order: Number(v.order) }),
      stopAfter: v.stopAfter,
      noAnswerDays: v.noAnswerDays === '' ? null : Number(v.noAnswerDays),
      openCase: v.openCase,
      slaHours: Number(v.slaHours),
    });
    // Created: nothing typed is left for the next rule.
    form.reset();
    onClose();
  });
  const close = () => {
    submit.reset();
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New alert rule" size="lg">
      <ModalForm
        label="New alert rule"
        submit={submit}
        onCancel={close}
        submitLabel="Create rule"
        submitting={create.isPending}
      >
        <TextInput label="Rule name" required data-autofocus {...form.getInputProps('name')} />
        <MultiSelect
          label="Score band"
          description="Any of these bands"
          data={BANDS}
          {...form.getInputProps('bands')}
        />
        <Group grow>
          <NumberInput label="Lowest score" allowDecimal={false} {...form.getInputProps('minScore')} />
          <NumberInput label="Highest score" allowDecimal={false} {...form.getInputProps('maxScore')} />
        </Group>
        <Checkbox
          label="Only when the customer left a comment"
          {...form.getInputProps('hasComment', { type: 'checkbox' })}
        />
        <TagsInput
          label="Keywords in the comment"
          description="Whole words, any of them; press Enter after each"
          {...form.getInputProps('keywords')}
        />
        <RulePreview groups={conditionsOf(form.getValues()).length ? [conditionsOf(form.getValues())] : []} />
        <TagsInput
          label="Email these people"
          description="Addresses; press Enter after each"
          {...form.getInputProps('channels.emails')}
        />
        <MultiSelect
          label="Email these teams"
          description="Every member, as the team is when the alert goes out"
          data={teams.data ?? []}
          placeholder={teams.isError ? 'Could not load teams' : undefined}
          searchable
          {...form.getInputProps('channels.teamIds')}
        />
        <TextInput
          label="Also email the address in this contact attribute"
          description="e.g. accountManagerEmail; a contact without a valid address is recorded as skipped"
          {...form.getInputProps('channels.attributeEmail')}
        />
        <Select
          label="Mail delivery"
          data={[
            { value: 'immediate', label: 'At once, one mail per alert' },
            { value: 'hourly', label: 'Hourly digest' },
            { value: 'daily', label: 'Daily digest' },
          ]}
          allowDeselect={false}
          {...form.getInputProps('delivery')}
        />
        <TextInput
          label="Chat webhook URL"
          description="A Slack or Teams incoming webhook: one message per alert"
          placeholder="https://hooks.slack.com/services/…"
          {...form.getInputProps('channels.chatUrl')}
        />
        <Checkbox
          label="Send to webhooks (alert.triggered)"
          {...form.getInputProps('channels.webhook', { type: 'checkbox' })}
        />
        <Group grow align="flex-start">
          <NumberInput
            label="Order"
            description="Lower runs first; empty = last"
            min={0}
            allowDecimal={false}
            {...form.getInputProps('order')}
          />
          <NumberInput
            label="Alert on no answer after (days)"
            description="Empty = never"
            min={1}
            max={90}
            allowDecimal={false}
            {...form.getInputProps('noAnswerDays')}
          />
        </Group>
        <Checkbox
          label="Stop after this rule: a response it matches is not tested against later rules"
          {...form.getInputProps('stopAfter', { type: 'checkbox' })}
        />
        <Checkbox label="Open a follow-up case" {...form.getInputProps('openCase', { type: 'checkbox' })} />
        <Group grow>
          <Select
            label="Priority"
            data={CasePriority.options}
            allowDeselect={false}
            {...form.getInputProps('priority')}
          />
          <NumberInput label="Hours to resolve (SLA)" min={0} {...form.getInputProps('slaHours')} />
        </Group>
      </ModalForm>
    </Modal>
  );
}
