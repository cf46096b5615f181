/// <reference lib="dom" />
/**
 * The respondent pages' only script. A score link opened from the email is stored provisional,
 * because mail scanners open links too; a page that runs scripts in a visible tab is a person,
 * so it confirms the score at once. Without scripts the page's own button confirms instead.
 * Plain DOM on purpose: no framework is needed for this, and the page works without it.
 */
const marker = document.querySelector<HTMLElement>('[data-pulse-confirm]');

function confirmScore(el: HTMLElement) {
  const status = el.querySelector<HTMLElement>('[role="status"]');
  fetch(el.dataset.pulseConfirm!, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ score: Number(el.dataset.score) }),
    credentials: 'omit',
  })
    .then((res) => {
      if (!res.ok) return;
      // The confirm-only button is no longer needed; the follow-up form stays.
      el.querySelector<HTMLElement>('[data-pulse-confirm-button]')?.setAttribute('hidden', '');
      if (status) status.textContent = el.dataset.confirmed ?? '';
    })
    .catch(() => {
      // Offline or blocked: the visible button still confirms.
    });
}

if (marker) {
  // Prerendered or background tabs wait until someone actually looks at the page.
  if (document.visibilityState === 'visible') confirmScore(marker);
  else
    document.addEventListener('visibilitychange', function onVisible() {
      if (document.visibilityState !== 'visible') return;
      document.removeEventListener('visibilitychange', onVisible);
      confirmScore(marker);
    });
}

// A form sent twice by a double click must not post twice.
document.querySelectorAll('form').forEach((form) =>
  form.addEventListener('submit', (event) => {
    if (form.dataset.sent) event.preventDefault();
    form.dataset.sent = '1';
  }),
);
