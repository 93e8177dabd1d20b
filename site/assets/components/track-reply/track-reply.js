// Tracking page, after a successful lookup: send a document (straight to the store through a
// presigned URL, with a real progress bar) or a message to the employee. Uses the same reference and
// four digits (or tracking code) the visitor just typed; they stay in memory only.
import { t, pick } from '../../js/i18n.js';
import { postJson } from '../../js/api.js';
import { setBusy, retryMinutes } from '../../js/request.js';
import { timeElement } from '../../js/dates.js';
import { putFile, DOCUMENT_TYPES as TYPES, MAX_DOCUMENT_BYTES as MAX_BYTES } from '../../js/upload.js';

export default function trackReply($section) {
  const $docs = $section.querySelector('[data-slot="documents"]');
  const $upload = $section.querySelector('[data-upload]');
  const $uploadButton = $upload.querySelector('[type="submit"]');
  const $progressBox = $upload.querySelector('[data-progress]');
  const $progress = $progressBox.querySelector('progress');
  const $progressText = $progressBox.querySelector('[data-progress-text]');
  const $uploadStatus = $upload.querySelector('[data-upload-status]');
  const $uploadError = $upload.querySelector('[data-upload-error]');
  const $message = $section.querySelector('[data-message]');
  const $messageButton = $message.querySelector('[type="submit"]');
  const $messageStatus = $message.querySelector('[data-message-status]');
  const $messageError = $message.querySelector('[data-message-error]');
  let who = null;
  let busy = false;
  /** What proves the visitor may act on the request: the mobile's last digits or the tracking code. */
  const proof = () => (who.trackingCode ? { trackingCode: who.trackingCode } : { mobileLast4: who.mobileLast4 });

  document.addEventListener('mf:lookup', (ev) => {
    const { reference, mobileLast4, trackingCode, data } = ev.detail;
    const changed = !who || who.reference !== reference;
    who = trackingCode ? { reference, trackingCode } : { reference, mobileLast4 };
    renderDocuments(data.documents ?? []);
    if (changed) {
      $uploadStatus.textContent = '';
      $uploadError.textContent = '';
      $messageStatus.textContent = '';
      $messageError.textContent = '';
      $progressBox.hidden = true;
    }
    $section.hidden = false;
  });

  // Either control may hold the file (the camera one opens the phone's camera); the last choice wins.
  const $inputs = [...$upload.querySelectorAll('input[type="file"]')];
  for (const $input of $inputs) {
    $input.addEventListener('change', () => {
      for (const $other of $inputs) if ($other !== $input) $other.value = '';
      $uploadError.textContent = '';
    });
  }

  $upload.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy || !who) return;
    const file = $inputs.map(($i) => $i.files?.[0]).find(Boolean);
    $uploadError.textContent = '';
    if (!file) return fail($uploadError, t.docChooseFirst, $inputs[0]);
    if (!TYPES.includes(file.type)) return fail($uploadError, t.docWrongType, $inputs[0]);
    if (file.size > MAX_BYTES) return fail($uploadError, t.docTooLarge, $inputs[0]);
    busy = true;
    setBusy($upload, $uploadButton, true, t.sending);
    try {
      const base = `/requests/${encodeURIComponent(who.reference)}/documents`;
      const slot = await postJson(`${base}/uploads`, {
        ...proof(), name: file.name, contentType: file.type, size: file.size,
      });
      if (slot.status !== 201) return refused($uploadError, slot);
      const sent = await put(slot.data, file);
      if (!sent) return fail($uploadError, t.docFailed);
      const done = await postJson(`${base}/${slot.data.documentId}/confirm`, proof());
      if (done.status !== 201) return refused($uploadError, done);
      $uploadStatus.textContent = t.docUploaded.replace('{name}', done.data.name);
      for (const $i of $inputs) $i.value = '';
      await refresh();
    } finally {
      busy = false;
      setBusy($upload, $uploadButton, false);
    }
  });

  $message.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy || !who) return;
    const $text = $message.elements.text;
    $messageError.textContent = '';
    $messageStatus.textContent = '';
    if (!$text.value.trim()) return fail($messageError, t.messageEmpty, $text);
    busy = true;
    setBusy($message, $messageButton, true, t.sending);
    try {
      const res = await postJson(`/requests/${encodeURIComponent(who.reference)}/messages`,
        { ...proof(), text: $text.value });
      if (res.status !== 201) return refused($messageError, res);
      $text.value = '';
      $messageStatus.textContent = t.messageSent;
      await refresh();
    } finally {
      busy = false;
      setBusy($message, $messageButton, false);
    }
  });

  /** The screen reader hears every quarter, not every percent. */
  function put(slot, file) {
    let announced = -1;
    $progress.value = 0;
    $progressText.textContent = '0%';
    $progressBox.hidden = false;
    return putFile(slot, file, (p) => {
      $progress.value = p;
      $progressText.textContent = `${p}%`;
      const quarter = Math.floor(p / 25);
      if (quarter > announced && p < 100) {
        announced = quarter;
        $uploadStatus.textContent = t.docUploading.replace('{name}', file.name).replace('{p}', String(quarter * 25));
      }
    });
  }

  async function refresh() {
    const res = await postJson('/requests/lookup', who);
    if (res.status === 200 && res.data) {
      document.dispatchEvent(new CustomEvent('mf:lookup-refreshed', { detail: res.data }));
      renderDocuments(res.data.documents ?? []);
    }
  }

  function renderDocuments(list) {
    if (!list.length) {
      $docs.replaceChildren(Object.assign(document.createElement('li'), { textContent: t.docNone }));
      return;
    }
    $docs.replaceChildren(...list.map((d) => {
      const $li = document.createElement('li');
      const $name = Object.assign(document.createElement('bdi'), { textContent: d.name });
      $li.append($name, ' — ', timeElement(d.at));
      return $li;
    }));
  }

  function refused($error, res) {
    if (res.status === 429) return fail($error, t.tooMany.replace('{m}', t.minutes(retryMinutes(res.retryAfter))));
    if (res.status === 0 || res.status >= 500) return fail($error, t.lookupFailed);
    return fail($error, pick(res.data?.errors?.[0]?.message, t.docFailed));
  }

  function fail($error, text, $focus) {
    $error.textContent = text;
    $focus?.focus();
  }
}
