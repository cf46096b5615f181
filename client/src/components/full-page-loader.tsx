import { Center } from '@mantine/core';

import { PageLoader } from './page-loader';

/** Before there is a frame to show anything in: the loader centred in the whole window. */
export function FullPageLoader({ label }: { label: string }) {
  return (
    <Center mih="100dvh">
      <PageLoader label={label} />
    </Center>
  );
}
