import { Grid, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconMessages, IconTrendingUp } from '@tabler/icons-react';
import { useState } from 'react';

import { PageHeader } from '../../../components/page-header';
import { useRanked } from '../api/get-ranked';
import { useTouchpoints } from '../api/get-touchpoints';
import { NameThemeForm } from '../components/name-theme-form';
import { RankedPanel } from '../components/ranked-panel';
import { ThemeComments } from '../components/theme-comments';
import { PERIODS, useInsightFilters } from '../lib/filters';

/**
 * What customers talk about, per touchpoint and period, computed in Pulse's own worker: the
 * themes a touchpoint's comments mention more than the others', the themes that drive low
 * scores there, and the themes new in the last four weeks. A theme opens its comments.
 */
export function InsightsRoute() {
  const { filters, setFilters } = useInsightFilters();
  const touchpoints = useTouchpoints();
  const first = touchpoints.data?.touchpoints[0]?.id;
  const touchpointId = filters.touchpointId ?? first;
  const query = { touchpointId, weeks: filters.weeks };
  const themes = useRanked('themes', query, Boolean(touchpointId));
  const drivers = useRanked('drivers', query, Boolean(touchpointId));
  const emerging = useRanked('emerging', { weeks: Math.max(filters.weeks, 8), touchpointId });
  // The clicked theme's display name; after a reload the URL's key stands in for it.
  const [label, setLabel] = useState<string | undefined>(filters.theme);
  const select = (key: string, name: string) => {
    setLabel(name);
    setFilters({ theme: key });
  };
  const touchpointName = touchpoints.data?.touchpoints.find((t) => t.id === touchpointId)?.name ?? 'this touchpoint';

  return (
    <>
      <PageHeader
        title="Text insights"
        description="Themes from customers' comments, found by Pulse itself: no comment leaves your organisation. Each shows its mentions (n) and how significant it is (z)."
      />
      <Paper withBorder p="sm" radius="md" mb="lg">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label="Touchpoint"
            data={(touchpoints.data?.touchpoints ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={touchpointId ?? null}
            onChange={(v) => setFilters({ touchpointId: v ?? undefined, theme: undefined })}
            allowDeselect={false}
            placeholder={touchpoints.isPending ? 'Loading…' : 'No touchpoint yet'}
            w={240}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="insights-period">
              Period
            </Text>
            <SegmentedControl
              aria-labelledby="insights-period"
              data={PERIODS.map((w) => ({ value: String(w), label: w === 52 ? '1 year' : `${w} weeks` }))}
              value={String(filters.weeks)}
              onChange={(v) => setFilters({ weeks: Number(v), theme: undefined })}
            />
          </Stack>
        </Group>
      </Paper>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            <RankedPanel
              title={`Themes at ${touchpointName}`}
              description="What these comments mention more than comments about the other touchpoints."
              query={themes}
              icon={IconMessages}
              emptyTitle="No theme stands out yet"
              selected={filters.theme}
              onSelect={select}
            />
            <RankedPanel
              title="Drivers of low scores"
              description="What detractors mention more than promoters here."
              query={drivers}
              icon={IconAlertTriangle}
              emptyTitle="No theme drives low scores"
              selected={filters.theme}
              onSelect={select}
            />
            <RankedPanel
              title="Emerging themes"
              description="Mentioned more in the last four weeks than in the weeks before."
              query={emerging}
              icon={IconTrendingUp}
              emptyTitle="Nothing new this month"
              selected={filters.theme}
              onSelect={select}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            <Paper withBorder p="md" radius="md" component="section" aria-label="Comments">
              {filters.theme ? (
                <ThemeComments
                  query={{ theme: filters.theme, touchpointId, weeks: Math.max(filters.weeks, 8) }}
                  label={label ?? filters.theme}
                />
              ) : (
                <Text c="dimmed" size="sm">
                  Pick a theme to read the comments that mention it, its words highlighted.
                </Text>
              )}
            </Paper>
            <Paper withBorder p="md" radius="md" component="section" aria-label="Name a theme">
              <NameThemeForm suggestion={label} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
