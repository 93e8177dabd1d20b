// The survey's optional details, loaded only after the one-tap answer was recorded (201): the page
// that opens from the SMS does not pay for a form most people never fill. POSTs the SAME overall
// with answers / comment / anonymous / contactConsent; the server accepts this one follow-up.

/**
 * ctx: {$root, survey, overall, api, show, pick, refusal, lang} — from survey.js.
 * Builds the 1–5 questions from survey.questions and wires the form.
 */
/** Resolves when survey-more.css has loaded (or failed: the form still works unstyled). */
export function loadStyles() {
  const $link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: new URL('./survey-more.css', import.meta.url).href });
  const loaded = new Promise((resolve) => { $link.onload = resolve; $link.onerror = resolve; });
  document.head.append($link);
  return loaded;
}

export default function attachMore(ctx) {
  const { $root, survey, api, show, pick, refusal, lang } = ctx;
  const $ = (sel, $in = $root) => $in.querySelector(sel);
  const $form = $('[data-more]');
  const $errors = $('[data-errors]');
  const $status = $('[data-more-status]');
  const $faces = $('[data-faces]');
  const questions = (survey.questions || []).filter((q) => /^[a-z][A-Za-z]{0,30}$/.test(q.id || ''));

  // 1–5 questions as radio groups: arrow keys move within a group and send nothing (3.2.2 On Input),
  // each choice with the same drawn face and word as the overall scale.
  const $box = $('[data-questions]');
  $box.replaceChildren();
  for (const q of questions) {
    const $fs = Object.assign(document.createElement('fieldset'), { className: 'mf-survey__field', id: `field-${q.id}` });
    $fs.setAttribute('aria-describedby', `${q.id}-error`);
    const $legend = Object.assign(document.createElement('legend'), { textContent: pick(q.label, q.id) });
    const $err = Object.assign(document.createElement('p'), { className: 'mf-survey__error', id: `${q.id}-error` });
    const $scale = Object.assign(document.createElement('div'), { className: 'mf-survey__scale' });
    for (let n = 1; n <= 5; n++) {
      const $label = Object.assign(document.createElement('label'), { className: 'mf-survey__choice' });
      const $input = Object.assign(document.createElement('input'), { type: 'radio', name: q.id, value: String(n) });
      if (n === 1) $input.id = q.id; // error links and server errors ("answers.speed") land here
      const $face = $(`[data-score="${n}"]`, $faces);
      $label.append($input, $('svg', $face).cloneNode(true), $('span', $face).textContent);
      $scale.append($label);
    }
    $fs.append($legend, $err, $scale);
    $box.append($fs);
  }

  const fieldId = (field) => String(field || '').split('.').pop();
  function clearErrors() {
    for (const $f of $form.querySelectorAll('.mf-survey__field--error')) $f.classList.remove('mf-survey__field--error');
    for (const $c of $form.querySelectorAll('[aria-invalid]')) $c.removeAttribute('aria-invalid');
    for (const $e of $form.querySelectorAll('.mf-survey__error')) $e.textContent = '';
    $errors.hidden = true;
    $('ul', $errors).replaceChildren();
  }

  /** [{field, message}] → inline messages (with a hidden "Error:") + a focused summary of links (3.3.1). */
  function showErrors(errors) {
    clearErrors();
    const marker = lang === 'en' ? 'Error: ' : 'خطأ: ';
    for (const { field, message } of errors) {
      const id = fieldId(field);
      const $control = id ? document.getElementById(id) : null;
      const $li = document.createElement('li');
      if ($control && $form.contains($control)) {
        $control.setAttribute('aria-invalid', 'true');
        document.getElementById(`field-${id}`)?.classList.add('mf-survey__field--error');
        const $msg = document.getElementById(`${id}-error`);
        $msg?.replaceChildren(Object.assign(document.createElement('span'), { className: 'mf-visually-hidden', textContent: marker }), message);
        const $a = Object.assign(document.createElement('a'), { href: `#${id}`, textContent: message });
        $a.addEventListener('click', (e) => { e.preventDefault(); $control.focus(); });
        $li.append($a);
      } else {
        $li.textContent = message;
      }
      $('ul', $errors).append($li);
    }
    $errors.hidden = false;
    $errors.focus();
  }

  $form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const $send = $('button[type="submit"]', $form);
    if ($send.getAttribute('aria-busy') === 'true') return;
    const data = new FormData($form);
    const answers = {};
    for (const q of questions) if (data.get(q.id)) answers[q.id] = Number(data.get(q.id));
    if (data.get('needMet')) answers.needMet = data.get('needMet') === 'yes';
    const comment = String(data.get('comment') || '').trim();
    const anonymous = data.has('anonymous');
    const contactConsent = data.has('contactConsent');

    const problems = [];
    // No maxlength: pasted text is never cut silently; the limit is said instead (3.3.1).
    if (comment.length > 1000) problems.push({ field: 'comment', message: $root.dataset.msgCommentLong });
    // An anonymous answer has no link to the request, so nobody could act on the consent.
    if (anonymous && contactConsent) problems.push({ field: 'contactConsent', message: $root.dataset.msgConflict });
    if (problems.length) { showErrors(problems); return; }
    clearErrors();

    const body = { overall: ctx.overall };
    if (Object.keys(answers).length) body.answers = answers;
    if (comment) body.comment = comment;
    if (anonymous) body.anonymous = true;
    if (contactConsent) body.contactConsent = true;
    if (Object.keys(body).length === 1) { show('done'); return; } // nothing added: nothing to send

    const label = $send.textContent;
    $send.setAttribute('aria-busy', 'true'); // not disabled: that would drop keyboard focus to <body>
    $send.textContent = $send.dataset.sending;
    $status.textContent = '';
    const r = await api('POST', body);
    $send.removeAttribute('aria-busy');
    $send.textContent = label;
    if (r.status === 201) show('done');
    else if (r.status === 400 && Array.isArray(r.data?.errors)) {
      showErrors(r.data.errors.map((x) => ({ field: x.field, message: pick(x.message, $root.dataset.msgInvalid) })));
    } else if (refusal(r)) show(refusal(r));
    else $status.textContent = $status.dataset.failed; // network / 5xx: answers stay, press Send again
  });
}
