// Request detail (/staff/request/?ref=REF), built around the conversation: the timeline newest first,
// then one composer whose radio switch says what is being written — a reply to the beneficiary
// (sent, in words: by which channel to which address) or an internal note (another colour and
// label; POST .../notes, which nothing sends) — with the saved replies, filled with the reference
// and name, in the beneficiary's language. Beside it: the description, facts (the mobile as a tel:
// link), status change, documents and what became of each message. Every status change carries the
// version the employee was looking at; a stale one (409 version_conflict) is explained and the page
// reloads the request, keeping what the employee typed.
import { api } from './session.js';
import { s } from './strings.js';
import { el, ltr, label, dualDate, requestHref, phone, telLink } from './format.js';
import { showErrors, clearErrors } from '../error-summary/error-summary.js';
import { setBusy } from '../../js/request.js';
import { normaliseReference } from '../../js/validate.js';
import { putFile, DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from '../../js/upload.js';
import complaintPanel from './complaint-outcome.js';

export default function requestDetail() {
  const $title = document.querySelector('h1');
  const $problem = document.querySelector('[data-problem]');
  const $message = document.querySelector('[data-message]');
  const $detail = document.querySelector('[data-detail]');
  const $statusForm = document.querySelector('[data-status-form]');
  const $statusSummary = document.querySelector('[data-status-summary]');
  const $composer = document.querySelector('[data-composer]');
  const $composerForm = document.querySelector('[data-composer-form]');
  const $composerSummary = document.querySelector('[data-composer-summary]');
  const $saved = document.querySelector('#saved-reply');
  const $useSaved = document.querySelector('[data-action="use-saved-reply"]');
  const $documentForm = document.querySelector('[data-document-form]');
  const $documentError = document.querySelector('[data-document-error]');
  const $documentStatus = document.querySelector('[data-document-status]');
  const $documentProgress = document.querySelector('[data-document-progress]');
  const slot = (n) => document.querySelector(`[data-slot="${n}"]`);
  const raw = new URLSearchParams(location.search).get('ref') ?? '';
  const ref = normaliseReference(raw) ?? raw.trim().slice(0, 20);
  let current = null;
  let busy = false;
  let savedReplies = [];
  $statusForm.noValidate = true;
  $composerForm.noValidate = true;

  const showProblem = (text) => { $problem.textContent = text; $problem.hidden = false; $problem.focus(); };
  const showMessage = (text) => { $message.textContent = text; $message.hidden = false; $message.focus(); };
  const renderComplaint = complaintPanel({ reload: () => load(), showMessage, showProblem });

  async function load() {
    if (!ref) { showProblem(s.noRef); return false; }
    const res = await api(`/staff/requests/${encodeURIComponent(ref)}`);
    if (res.status === 200 && res.data) { render(res.data); await loadDocuments(res.data.reference); return true; }
    $detail.hidden = true;
    showProblem(res.status === 404 || res.status === 400 ? s.notFoundRequest
      : res.status === 403 ? s.forbiddenRequest : res.status === 0 ? s.network : s.server);
    return false;
  }

  function fact(name, ...value) {
    const $slot = slot(name);
    if (!$slot) return;
    const has = value.some((v) => v != null && v !== '');
    $slot.replaceChildren(...(has ? value.filter((v) => v != null) : ['—']));
  }

  function render(d) {
    current = d;
    $title.replaceChildren(`${$title.dataset.prefix} `, ltr(d.reference));
    document.title = `${d.reference} — ${document.title.split(' — ').at(-1)}`;
    const $status = slot('status');
    $status.textContent = label('status', d.status, d.statusLabel);
    $status.dataset.status = d.status;
    fact('category', label('category', d.category, d.categoryLabel));
    fact('channel', label('channel', d.channel, d.channelLabel));
    fact('name', d.anonymous ? s.anonymousSender : d.identityHidden ? s.identityHidden : d.name,
      d.aboutStaff ? ' ' : null, d.aboutStaff ? el('span', { className: 'mf-staff-flag', textContent: s.aboutStaff }) : null);
    fact('mobile', d.mobile ? telLink(d.mobile, s.callBeneficiary) : null);
    fact('email', d.email ? ltr(d.email) : null);
    fact('nationalId', d.nationalIdLast4 ? ltr(`•••••• ${d.nationalIdLast4}`) : null);
    fact('city', d.city);
    fact('preferredContact', s.contact[d.preferredContact] ?? d.preferredContact);
    fact('language', s.languages[d.language] ?? d.language);
    fact('onBehalf', d.onBehalf ? `${d.onBehalf.beneficiaryName ?? ''} — ${d.onBehalf.relationship ?? ''}` : s.no);
    fact('submitted', dualDate(d.submittedAt));
    fact('updated', dualDate(d.updatedAt));
    fact('registeredBy', d.registeredBy ?? null);
    const sla = d.sla ?? {};
    fact('sla', sla.state ? el('span', { className: `mf-staff-sla mf-staff-sla--${sla.state}`, textContent: s.sla[sla.state] ?? sla.state }) : null,
      sla.targetHours != null ? el('span', { className: 'mf-staff-sla__detail', textContent: ` ${s.hours(sla.workingHoursElapsed ?? 0)} / ${s.hours(sla.targetHours)}` }) : null);
    fact('slaDue', sla.dueAt ? dualDate(sla.dueAt) : null);
    slot('description').textContent = d.description ?? '';
    // Typed text may be Arabic or English (or markup someone pasted): each field takes the
    // direction of its own first strong character, so it reads correctly in either page.
    for (const n of ['name', 'city', 'onBehalf', 'registeredBy', 'description']) slot(n).dir = 'auto';

    const dups = Array.isArray(d.possibleDuplicates) ? d.possibleDuplicates : [];
    const $dups = slot('duplicates');
    $dups.hidden = dups.length === 0;
    $dups.querySelector('ul').replaceChildren(...dups.map((r) => el('li', {}, el('a', { href: requestHref(r) }, ltr(r)))));

    renderReach(d);
    renderDeliveries(Array.isArray(d.deliveries) ? d.deliveries : []);
    renderTransitions(d);
    renderTimeline(d.timeline ?? []);
    renderReplyVia(d);
    renderComplaint(d);
    $detail.hidden = false;
  }

  // The latest message did not reach the beneficiary: say so above the facts, with their number as a
  // tel: link, so the employee phones them instead of waiting for an answer that cannot come.
  function renderReach(d) {
    const $box = slot('not-reached');
    $box.hidden = d.notReached !== true;
    const $call = slot('call');
    if (d.notReached === true && d.mobile) {
      const p = phone(d.mobile);
      $call.href = p.href;
      $call.replaceChildren(ltr(p.text));
    } else {
      $call.removeAttribute('href');
      $call.replaceChildren();
    }
  }

  // One row per leg of each message, oldest first. The state is a word (and a glyph for sighted
  // readers), never a colour alone; the provider's reason is shown only where the leg failed.
  function renderDeliveries(list) {
    const $wrap = slot('deliveries');
    slot('no-deliveries').hidden = list.length !== 0;
    $wrap.hidden = list.length === 0;
    const glyph = { sent: '…', delivered: '✓', failed: '✗' };
    $wrap.querySelector('tbody').replaceChildren(...list.map((m) => el('tr', { dataset: { kind: m.kind ?? '', state: m.state ?? '' } },
      el('th', { scope: 'row', textContent: label('message', m.kind, m.kindLabel) }),
      el('td', { textContent: label('contact', m.channel, m.channelLabel) }),
      el('td', {}, el('bdi', { textContent: label('provider', m.provider, m.providerLabel) })),
      el('td', {}, el('span', { className: `mf-staff-delivery mf-staff-delivery--${m.state}` },
        el('span', { className: 'mf-staff-delivery__glyph', textContent: glyph[m.state] ?? '', attrs: { 'aria-hidden': 'true' } }),
        ' ', label('delivery', m.state, m.stateLabel))),
      el('td', {}, dualDate(m.at, { short: true })),
      el('td', {}, m.state === 'failed' && m.reason ? el('bdi', { dir: 'auto', textContent: m.reason }) : '—'))));
  }

  function renderTransitions(d) {
    const allowed = Array.isArray(d.allowedTransitions) ? d.allowedTransitions : [];
    const $choices = slot('transitions');
    $choices.replaceChildren(...allowed.map((code, i) => {
      const id = i === 0 ? 'status' : `status-${code}`; // the first radio carries the field's id (error links)
      return el('label', { className: 'mf-form__choice', htmlFor: id },
        el('input', { type: 'radio', id, name: 'status', value: code }),
        el('span', { textContent: label('status', code) }));
    }));
    $statusForm.hidden = allowed.length === 0;
    slot('no-transitions').hidden = allowed.length !== 0;
  }

  function renderTimeline(entries) {
    // Newest first: what happened last (the beneficiary's message, a colleague's note) is what the
    // employee opens the request to see; the page says so above the list.
    const sorted = [...entries].sort((a, b) => String(b.at).localeCompare(String(a.at)));
    const headings = { note: s.timelineNote, reply: s.timelineReply, message: s.timelineMessage, document: s.timelineDocument };
    slot('timeline').replaceChildren(...sorted.map((e) => {
      const isStatus = e.type === 'status';
      const kind = headings[e.type] ? e.type : isStatus ? 'status' : 'note';
      const heading = isStatus ? `${s.timelineStatus}: ${label('status', e.status, e.statusLabel)}` : headings[kind];
      const by = e.by === 'beneficiary' ? s.beneficiary : e.by;
      return el('li', { className: `mf-staff-timeline__item mf-staff-timeline__item--${kind}`, dataset: { type: e.type, status: e.status ?? '' } },
        el('p', { className: 'mf-staff-timeline__head' },
          el('strong', { textContent: heading }), ' ',
          el('span', { className: `mf-staff-tag${e.public ? '' : ' mf-staff-tag--internal'}`, textContent: e.public ? s.publicEntry : s.internalEntry })),
        e.text ? el('p', { className: 'mf-staff-text', textContent: e.text, dir: 'auto' }) : null,
        el('p', { className: 'mf-staff-timeline__meta' }, dualDate(e.at), by ? ` — ${s.by} ` : '', by ? el('bdi', { textContent: by }) : null));
    }));
  }

  async function afterStale(messageText) {
    // Reload first, then speak: the message must describe the page the employee now sees.
    const ok = await load();
    if (ok) showMessage(messageText);
  }

  $statusForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy || !current) return;
    const status = $statusForm.elements.status?.value ?? '';
    const note = $statusForm.elements.note.value.trim();
    if (!status) { showErrors($statusForm, $statusSummary, [{ field: 'status', code: 'required_status', message: s.chooseStatus }]); return; }
    clearErrors($statusForm, $statusSummary);
    $message.hidden = true;
    const $submit = $statusForm.querySelector('[type="submit"]');
    busy = true;
    setBusy($statusForm, $submit, true, s.sending);
    const body = { status, version: current.version };
    if (note) body.note = note;
    const res = await api(`/staff/requests/${encodeURIComponent(current.reference)}/status`, { method: 'POST', body });
    setBusy($statusForm, $submit, false);
    busy = false;
    const code = res.data?.errors?.[0]?.code;
    if (res.status === 200 && res.data?.reference) {
      $statusForm.elements.note.value = '';
      render(res.data);
      showMessage(s.statusChanged(label('status', res.data.status, res.data.statusLabel)));
    } else if (res.status === 409 || code === 'version_conflict') {
      await afterStale(s.versionConflict);
    } else if (code === 'invalid_transition') {
      await afterStale(s.invalidTransition);
    } else if (res.status === 400 && Array.isArray(res.data?.errors)) {
      showErrors($statusForm, $statusSummary, res.data.errors);
    } else {
      showProblem(res.status === 0 ? s.network : s.server);
    }
  });

  async function loadDocuments(reference) {
    const res = await api(`/staff/requests/${encodeURIComponent(reference)}/documents`);
    const $list = slot('documents');
    if (res.status !== 200 || !Array.isArray(res.data?.documents)) {
      // Say so rather than show an empty list: "no documents" would be false.
      $list.replaceChildren(el('li', { textContent: res.status === 0 ? s.network : s.server }));
      return;
    }
    const list = res.data.documents;
    if (!list.length) { $list.replaceChildren(el('li', { textContent: s.noDocuments })); return; }
    $list.replaceChildren(...list.map((d) => {
      const $open = el('button', { type: 'button', className: 'mf-button mf-button--secondary', textContent: s.openDocument(d.name) });
      const $li = el('li', { dataset: { documentId: d.id } }, el('bdi', { textContent: d.name }), ' — ', dualDate(d.at), ' — ',
        s.sentBy(d.by === 'beneficiary' ? s.beneficiary : d.by), $open);
      // The link is asked for only now and lives five minutes: it is never left lying in the page.
      $open.addEventListener('click', async () => {
        const link = await api(`/staff/requests/${encodeURIComponent(reference)}/documents/${d.id}`);
        if (link.status !== 200 || !link.data?.url) { showProblem(link.status === 0 ? s.network : s.server); return; }
        const $a = el('a', { href: link.data.url, className: 'mf-staff-document-link', textContent: s.documentLink(d.name), rel: 'noopener' });
        $open.replaceWith($a);
        $a.focus();
      });
      return $li;
    }));
  }

  // ---- The composer: one text box, a switch that says where the text goes.
  const kind = () => ($composerForm.elements.kind.value === 'note' ? 'note' : 'reply');
  function showKind() {
    const k = kind();
    $composer.dataset.kind = k;
    slot('composer-label').textContent = k === 'note' ? s.composerNoteLabel : s.composerReplyLabel;
    slot('composer-submit').textContent = k === 'note' ? s.composerSaveNote : s.composerSendReply;
    slot('composer-badge').textContent = k === 'note' ? s.composerNoteBadge : s.composerReplyLabel;
    $composerForm.elements.text.setAttribute('aria-describedby', `kind-${k}-hint text-error`);
    // Saved replies are written for the beneficiary: not offered for a note.
    document.querySelector('[data-saved-replies]').hidden = k === 'note';
  }
  for (const $r of $composerForm.querySelectorAll('input[name="kind"]')) $r.addEventListener('change', showKind);

  // In words, how the reply will travel: the channel the beneficiary chose and the address it goes to.
  function renderReplyVia(d) {
    const $via = slot('reply-via');
    const to = d.preferredContact === 'email' && d.email ? ltr(d.email) : d.mobile ? ltr(phone(d.mobile).text) : null;
    const how = { sms: s.replyViaSms, whatsapp: s.replyViaWhatsapp, email: s.replyViaEmail }[d.preferredContact];
    if (!how || !to) return; // the template's general sentence stays
    $via.replaceChildren(`${how} `, to, ` ${s.replyAlsoTracked}`);
  }

  async function loadSavedReplies() {
    const $status = slot('saved-status');
    const res = await api('/staff/saved-replies');
    if (res.status !== 200 || !Array.isArray(res.data?.items)) { $status.textContent = s.savedRepliesFailed; return; }
    const titleOf = (r) => (document.documentElement.lang === 'en' ? r.titleEn : r.titleAr) || r.titleAr || r.titleEn;
    savedReplies = [...res.data.items].sort((a, b) => titleOf(a).localeCompare(titleOf(b), document.documentElement.lang));
    $saved.replaceChildren($saved.options[0], ...savedReplies.map((r) => el('option', { value: r.id, textContent: titleOf(r) })));
    $saved.disabled = savedReplies.length === 0;
    $useSaved.disabled = savedReplies.length === 0;
    $status.textContent = savedReplies.length === 0 ? s.savedRepliesNone : '';
  }

  // The reply in the beneficiary's language for messages (not the console's), its placeholders
  // filled. Added after what is already typed, never over it; focus goes to the text to read it.
  $useSaved.addEventListener('click', () => {
    const r = savedReplies.find((x) => x.id === $saved.value);
    if (!r || !current) { $saved.focus(); return; }
    const text = (current.language === 'en' ? r.textEn : r.textAr)
      .replaceAll('{reference}', current.reference ?? '')
      .replaceAll('{name}', current.name ?? '');
    const $text = $composerForm.elements.text;
    $text.value = $text.value.trim() ? `${$text.value.trimEnd()}\n\n${text}` : text;
    $text.focus();
  });

  $composerForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy || !current) return;
    const k = kind();
    const text = $composerForm.elements.text.value.trim();
    if (!text) {
      showErrors($composerForm, $composerSummary, [{ field: 'text', code: 'required_text', message: k === 'note' ? s.noteRequired : s.replyRequired }]);
      return;
    }
    clearErrors($composerForm, $composerSummary);
    $message.hidden = true;
    const $submit = slot('composer-submit');
    delete $submit.dataset.label; // the label is the switch's, not the one setBusy saw first
    busy = true;
    setBusy($composerForm, $submit, true, s.sending);
    const res = await api(`/staff/requests/${encodeURIComponent(current.reference)}/${k === 'note' ? 'notes' : 'replies'}`, { method: 'POST', body: { text } });
    setBusy($composerForm, $submit, false);
    busy = false;
    if (res.status === 201 || res.status === 200) {
      $composerForm.elements.text.value = '';
      // Either entry changed the request's version (one transaction with its audit event): reload,
      // so the next status change is not refused as stale.
      await load();
      showMessage(k === 'note' ? s.noteAdded : s.replySent);
    } else if (res.status === 400 && Array.isArray(res.data?.errors)) {
      showErrors($composerForm, $composerSummary, res.data.errors);
    } else {
      showProblem(res.status === 0 ? s.network : s.server);
    }
    showKind(); // setBusy restored the button's old label
  });

  $documentForm.noValidate = true;
  $documentForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy || !current) return;
    const $file = $documentForm.elements.file;
    const file = $file.files?.[0];
    $documentError.textContent = '';
    $documentStatus.textContent = '';
    const refuse = (text) => { $documentError.textContent = text; $file.focus(); };
    if (!file) return refuse(s.chooseFile);
    if (!DOCUMENT_TYPES.includes(file.type)) return refuse(s.wrongType);
    if (file.size > MAX_DOCUMENT_BYTES) return refuse(s.tooLarge);
    const $submit = $documentForm.querySelector('[type="submit"]');
    busy = true;
    setBusy($documentForm, $submit, true, s.sending);
    try {
      const base = `/staff/requests/${encodeURIComponent(current.reference)}/documents`;
      const slotRes = await api(`${base}/uploads`, { method: 'POST', body: { name: file.name, contentType: file.type, size: file.size } });
      if (slotRes.status !== 201) return refuse(slotRes.data?.errors?.[0]?.message?.[document.documentElement.lang] ?? s.uploadFailed);
      const $bar = $documentProgress.querySelector('progress');
      $documentProgress.hidden = false;
      let quarter = -1;
      const ok = await putFile(slotRes.data, file, (p) => {
        $bar.value = p;
        if (Math.floor(p / 25) > quarter && p < 100) { quarter = Math.floor(p / 25); $documentStatus.textContent = s.uploading(quarter * 25); }
      });
      if (!ok) return refuse(s.uploadFailed);
      const done = await api(`${base}/${slotRes.data.documentId}/confirm`, { method: 'POST', body: {} });
      if (done.status !== 201) return refuse(done.data?.errors?.[0]?.message?.[document.documentElement.lang] ?? s.uploadFailed);
      $file.value = '';
      $documentStatus.textContent = s.documentUploaded(done.data.name);
      await load();
    } finally {
      busy = false;
      setBusy($documentForm, $submit, false);
    }
  });

  showKind();
  load();
  loadSavedReplies();
}
