// Satisfaction survey (/survey/?t=TOKEN, /en/survey/?t=TOKEN): GET /surveys/{token} shows the faces;
// one tap POSTs {"overall": n} at once (a complete answer); the optional details then POST again with
// the same overall. Every text is in the page's HTML (one language per page), so this file carries no
// strings and imports nothing on opening: it is the page's only script until the tap (budget 30 KB in
// all); survey-more.js/.css (the details form) and config.js (refusal pages) load only when needed.
//
// Never records on load: ?s=1-5 (an email's face link) only marks that face. Mail scanners and link
// previews open every link; only a person's tap sends a POST (tests/browser/survey-page.test.mjs).
const $root = document.querySelector('[data-module="survey"]');
const lang = document.documentElement.lang.startsWith('en') ? 'en' : 'ar';
const params = new URLSearchParams(location.search);
const token = params.get('t') || '';
const preset = /^[1-5]$/.test(params.get('s') || '') ? Number(params.get('s')) : null;
const $ = (sel, $in = $root) => $in.querySelector(sel);
const pick = (m, fallback = '') => (m && typeof m === 'object' ? m[lang] || m.ar || m.en || fallback : fallback);

let basePromise;
/** {status, data}; status 0 on a network failure or a 20 s timeout (never rejects). */
async function api(method, body) {
  basePromise ??= fetch(new URL('../../../config/runtime.json', import.meta.url), { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : {})).catch(() => ({}))
    .then((c) => String(c.apiBaseUrl || '').replace(/\/+$/, ''));
  try {
    const res = await fetch(`${await basePromise}/surveys/${encodeURIComponent(token)}`, {
      method,
      headers: body ? { Accept: 'application/json', 'Content-Type': 'application/json' } : { Accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout?.(20000),
    });
    let data = null;
    try { data = await res.json(); } catch { /* empty body */ }
    return { status: res.status, data };
  } catch {
    return { status: 0, data: null };
  }
}

const STATE_FOR = { survey_already_answered: 'answered', survey_expired: 'expired', survey_not_found: 'notfound' };
const STATE_FOR_STATUS = { 409: 'answered', 410: 'expired', 404: 'notfound' };
/** The friendly page for a refusal (409/410/404), or null when the answer is something else. */
function refusal(r) {
  const code = r.data?.errors?.[0]?.code;
  return STATE_FOR[code] || STATE_FOR_STATUS[r.status] || null;
}

const baseTitle = document.title;
/** Shows one state; moves focus to its heading unless it is the page's first view (2.4.3, 4.1.3). */
function show(name, focus = true) {
  for (const $s of $root.querySelectorAll('[data-state]')) $s.hidden = $s.dataset.state !== name;
  const $h = $(`[data-state="${name}"] h1`);
  document.title = name === 'survey' || name === 'loading' ? baseTitle : `${$h.textContent} — ${baseTitle}`;
  $root.setAttribute('aria-busy', String(name === 'loading'));
  if (focus) $h.focus();
  // The contact number on the refusal pages comes from the association's file; loaded only here,
  // never on the answering path (weight).
  if (['answered', 'expired', 'notfound', 'error'].includes(name)) {
    import('../../js/config.js').then(async (m) => m.applyConfig(await m.loadConfig(), $root)).catch(() => {});
  }
}

// ---- Language: the survey's language wins unless the person chose the other page themselves ----
function twinHref(otherLang) {
  const q = new URLSearchParams({ t: token });
  if (preset) q.set('s', String(preset));
  q.set('lang', otherLang);
  return `${otherLang === 'en' ? '/en' : ''}/survey/?${q}`;
}
const otherLang = lang === 'en' ? 'ar' : 'en';
if (token) document.querySelector('[data-twin]').href = twinHref(otherLang);

// ---- Loading ----
let survey;
async function load(focus) {
  show('loading', focus);
  $('[data-loading-text]').hidden = false;
  const r = await api('GET');
  if (r.status === 200 && r.data) {
    if (!params.has('lang') && (r.data.language === 'ar' || r.data.language === 'en') && r.data.language !== lang) {
      location.replace(twinHref(r.data.language).replace(/&lang=\w+$/, ''));
      return;
    }
    survey = r.data;
    render();
    show('survey', focus);
  } else {
    show(refusal(r) || 'error', focus);
  }
}

const $faces = $('[data-faces]');
const wordFor = (n) => $(`[data-score="${n}"] span`, $faces).textContent;
function render() {
  const org = pick(survey.association);
  if (org) document.querySelector('[data-slot="association"]').textContent = org;
  const service = pick(survey.service);
  $('[data-slot="service"]').textContent = [service, org].filter(Boolean).join(' — ');
  $('[data-slot="needMet"]').textContent = pick(survey.needMetQuestion, $('[data-slot="needMet"]').textContent);
  if (preset) {
    const $b = $(`[data-score="${preset}"]`, $faces);
    $b.classList.add('mf-face--marked');
    $b.append(Object.assign(document.createElement('span'), { className: 'mf-face__note', textContent: `(${$faces.dataset.preselectWord})` }));
    $b.setAttribute('aria-describedby', 'preselect-note');
    $('[data-preselect]').hidden = false;
  }
}

// ---- The one tap ----
let overall = null;
let sending = false;
let more;
let styles;
const $status = $('[data-send-status]');
$faces.addEventListener('click', async (e) => {
  const $b = e.target.closest('[data-score]');
  if (!$b || sending) return;
  sending = true;
  // The details' script and styles are fetched while the answer travels; used only after 201.
  more ??= import('./survey-more.js');
  styles ??= more.then((m) => m.loadStyles());
  const score = Number($b.dataset.score);
  for (const $f of $faces.children) $f.setAttribute('aria-disabled', 'true');
  $b.setAttribute('aria-busy', 'true');
  $status.classList.remove('mf-survey__notice--problem');
  $status.textContent = $status.dataset.sending;
  const r = await api('POST', { overall: score });
  sending = false;
  for (const $f of $faces.children) { $f.removeAttribute('aria-disabled'); $f.removeAttribute('aria-busy'); }
  if (r.status === 201) {
    overall = score;
    $status.textContent = '';
    $('[data-slot="thanks"]').textContent = pick(r.data?.thanks, $('[data-slot="thanks"]').textContent);
    $('[data-slot="chosen"]').textContent = wordFor(score);
    show('thanks');
    more.then(async (m) => {
      m.default({ $root, survey, overall, api, show, pick, refusal, lang });
      await styles;
      $('[data-more-box]').hidden = false;
    }).catch(() => {}); // without it the thanks stands alone: the answer is already complete
  } else if (refusal(r)) {
    show(refusal(r));
  } else {
    // Network failure, 5xx or an unexpected 400: nothing was recorded; the faces stay for another tap.
    $status.classList.add('mf-survey__notice--problem');
    $status.textContent = $status.dataset.failed;
  }
});

$('[data-retry]').addEventListener('click', () => load(true));

if (token && token.length <= 1024) load(false);
else show('notfound', false);
