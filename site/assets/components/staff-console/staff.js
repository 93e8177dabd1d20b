// Entry point of every console page (the public site's js/main.js keeps its own module list; the
// console loads this instead). <body data-staff-page="queue|request|new|reports|privacy|signin">:
//  - every page but sign-in requires a session (none → sign-in, with this page as ?next=);
//  - shows who is signed in, the sign-out button, and the manager-only links for managers;
//  - fills the association's name and the reference documents from /config/association.json;
//  - loads the page's own module.
import { lang } from '../../js/i18n.js';
import { currentSession, requireSession, endSession, consoleRoot } from './session.js';
import { s } from './strings.js';
import { el } from './format.js';

const PAGES = {
  signin: './signin.js',
  queue: './queue.js',
  request: './request-detail.js',
  new: './new-request.js',
  reports: './reports.js',
  privacy: './privacy.js',
  replies: './replies.js',
  'follow-ups': './follow-ups.js',
  feedback: './feedback.js',
  kiosks: './kiosks.js',
};

document.documentElement.classList.add('mf-js');
const page = document.body.dataset.staffPage;
const session = page === 'signin' ? currentSession() : requireSession();

// The console's forms have no server page to post to: a submit before the page's module has attached
// its handler (a quick Enter or click on a slow link) would post the raw form to the API. Hold it,
// and send it again once the module is ready.
let moduleReady = false;
let heldForm = null;
document.addEventListener('submit', (event) => {
  if (moduleReady) return;
  event.preventDefault();
  heldForm = event.target;
}, true);

if (page === 'signin' || session) {
  chrome(session);
  import(PAGES[page])
    .then((m) => m.default(session))
    // The request page's owner and assign control is its own component (assignee.js).
    .then(() => (page === 'request' ? import('./assignee.js').then((m) => m.default(session)) : null))
    .then(() => {
      moduleReady = true;
      if (heldForm?.isConnected) heldForm.requestSubmit();
    })
    .catch((err) => console.error(`staff page ${page}:`, err));
}
loadIdentity();

function chrome(session) {
  const $user = document.querySelector('[data-staff-user]');
  if ($user && session) {
    const $who = $user.querySelector('[data-slot="user"]');
    $who.textContent = s.signedInAs(session.name || '—', s.roles[session.role] ?? session.role);
    if (session.dev) $who.append(' ', el('span', { className: 'mf-staff-tag', textContent: s.devSession }));
    $user.hidden = false;
    $user.querySelector('[data-action="sign-out"]').addEventListener('click', () => {
      endSession();
      location.assign(`${consoleRoot}?reason=signedout`);
    });
  }
  // Manager-only navigation: hidden for staff (the API refuses them anyway with 403).
  for (const $m of document.querySelectorAll('[data-role="manager"]')) $m.hidden = session?.role !== 'manager';
  // The queue is for employees: a volunteer sees only registering (their own list is the API's).
  for (const $m of document.querySelectorAll('[data-role="staff"]')) $m.hidden = session?.role === 'volunteer';
  for (const $m of document.querySelectorAll('[data-when="signed-in"]')) $m.hidden = !session;
  // The other-language link keeps ?ref= so a bilingual colleague lands on the same request.
  const $twin = document.querySelector('.mf-header__lang');
  if ($twin && location.search && page === 'request') $twin.setAttribute('href', `${$twin.getAttribute('href').split('?')[0]}${location.search}`);
}

async function loadIdentity() {
  try {
    const { loadConfig, applyConfig } = await import('../../js/config.js');
    const config = await loadConfig();
    applyConfig(config);
    renderDocuments(config);
  } catch (err) {
    console.warn('config:', err.message); // the static fallback links stay
  }
}

/**
 * The employee's reference documents: bylaws and the support policy guide (and any other document
 * the association lists) from association.json, plus the new-beneficiary request form — which is
 * this product's own form, so it links to the console's registration page.
 */
function renderDocuments(config) {
  const $list = document.querySelector('[data-staff-docs]');
  if (!$list || !Array.isArray(config.documents) || !config.documents.length) return;
  const $form = $list.querySelector('[data-doc="new-beneficiary-form"]');
  const items = config.documents.map((d) => el('li', {},
    el('a', { href: d.href, textContent: d.title?.[lang] ?? d.title?.ar ?? d.id, dataset: { doc: d.id } }),
    d.format ? ` (${d.format})` : ''));
  $list.replaceChildren(...items, ...($form ? [$form] : []));
}
