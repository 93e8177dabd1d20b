// Tracking page, after a successful lookup: how the association contacts the beneficiary now, and a
// small form to change it (POST /requests/{ref}/contact-preference). Uses the reference and four
// digits the visitor just typed; they stay in memory only. Email is offered only when the lookup
// says the request has an address (contactChoices).
import { t, pick } from '../../js/i18n.js';
import { postJson } from '../../js/api.js';
import { setBusy, retryMinutes } from '../../js/request.js';

export default function trackContact($section) {
  const $form = $section.querySelector('[data-contact]');
  const $button = $form.querySelector('[type="submit"]');
  const $now = $section.querySelector('[data-slot="contact-now"]');
  const $status = $form.querySelector('[data-contact-status]');
  const $error = $form.querySelector('[data-contact-error]');
  const $radios = [...$form.querySelectorAll('input[name="preferredContact"]')];
  let who = null;
  let busy = false;

  const label = (method) => t.contact[method] ?? method;

  /** The current way, checked; ways this request does not offer are hidden and out of the tab order. */
  function show(current, choices) {
    $now.textContent = label(current);
    for (const $radio of $radios) {
      const offered = choices.includes($radio.value) || $radio.value === current;
      $radio.closest('label').hidden = !offered;
      $radio.disabled = !offered;
      $radio.checked = $radio.value === current;
    }
  }

  document.addEventListener('mf:lookup', (ev) => {
    const { reference, mobileLast4, data } = ev.detail;
    // Sent without a name: there is no way to contact, so nothing to change (the API refuses it too).
    if (data.anonymous === true) {
      who = null;
      $section.hidden = true;
      return;
    }
    if (!data.preferredContact) return;
    if (!who || who.reference !== reference) {
      $status.textContent = '';
      $error.textContent = '';
    }
    who = { reference, mobileLast4 };
    show(data.preferredContact, data.contactChoices ?? []);
    $section.hidden = false;
  });

  // A document or message sent meanwhile reads the lookup again: keep "now" in step, but leave the
  // radios alone, so a choice the visitor is still making is not undone under them.
  document.addEventListener('mf:lookup-refreshed', (ev) => {
    if (who && ev.detail?.preferredContact) $now.textContent = label(ev.detail.preferredContact);
  });

  $form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy || !who) return;
    const $chosen = $radios.find(($r) => $r.checked);
    $status.textContent = '';
    $error.textContent = '';
    if (!$chosen) return fail(t.required_preferred_contact, $radios.find(($r) => !$r.disabled));
    busy = true;
    setBusy($form, $button, true, t.sending);
    try {
      const res = await postJson(`/requests/${encodeURIComponent(who.reference)}/contact-preference`,
        { mobileLast4: who.mobileLast4, preferredContact: $chosen.value });
      if (res.status === 200 && res.data?.preferredContact) {
        $now.textContent = label(res.data.preferredContact);
        // role="status": read once, politely, while focus stays on the button the visitor pressed.
        $status.textContent = t.contactSaved(label(res.data.preferredContact));
        return;
      }
      if (res.status === 429) return fail(t.tooMany.replace('{m}', t.minutes(retryMinutes(res.retryAfter))));
      if (res.status === 0 || res.status >= 500) return fail(t.contactFailed);
      if (res.status === 404) return fail(pick(res.data?.errors?.[0]?.message, t.notFound));
      return fail(pick(res.data?.errors?.[0]?.message, t.contactFailed), $chosen);
    } finally {
      busy = false;
      setBusy($form, $button, false);
    }
  });

  /** role="alert" reads the text at once; focus goes to the choice when the choice is the problem. */
  function fail(text, $focus) {
    $error.textContent = text;
    $focus?.focus();
  }
}
