#!/usr/bin/env node
// Development stand-in for the survey and kiosk-feedback API (issue 6) until the Java functions are
// served by the local runner: serves ../../site statically and answers, from memory and per the
// contract, GET/POST /surveys/{token} and POST /feedback. The survey browser tests run against this
// or against `./run --port N` alike (BASE_URL).
//   node mock-survey-api.mjs [--port 3000]     (or PORT=3000)
// Test hooks (mock only; the real runner has /dev/outbox instead):
//   GET /mock/survey-token[?language=en][&state=expired|answered]  → {"token", "path"}
//   GET /mock/survey-answers?t=TOKEN                               → what was stored for a token
//   GET /mock/feedback?kiosk=ID                                    → {"recorded": [scores]}
// Kiosk limit (MOCK_FEEDBACK_LIMIT per 10 s per kioskId, default 3): beyond it 429 too_many_feedback.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const SITE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../site');
const argPort = process.argv.indexOf('--port');
const PORT = Number(argPort > 0 ? process.argv[argPort + 1] : process.env.PORT || 3000);
const FEEDBACK_LIMIT = Number(process.env.MOCK_FEEDBACK_LIMIT || 3);
const FEEDBACK_WINDOW_MS = 10_000;

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8' };

const L = (ar, en) => ({ ar, en });
const MESSAGES = {
  survey_not_found: L('لم نجد هذا الاستبيان', 'We could not find this survey'),
  survey_expired: L('انتهت مدة هذا الاستبيان', 'This survey has closed'),
  survey_already_answered: L('وصلنا رأيك من قبل، شكرًا لك', 'We already have your answer, thank you'),
  too_many_feedback: L('شكرًا لك', 'Thank you'),
  malformed_json: L('الطلب غير مقروء', 'The request could not be read'),
  required: L('هذا الحقل مطلوب', 'This field is required'),
  invalid_choice: L('قيمة غير مقبولة', 'Not an accepted value'),
  invalid_type: L('نوع القيمة غير صحيح', 'Wrong type of value'),
  too_long: L('النص أطول من المسموح', 'The text is too long'),
  route_not_found: L('غير موجود', 'Not found'),
};
const err = (code, field) => ({ ...(field ? { field } : {}), code, message: MESSAGES[code] });
const QUESTIONS = [
  { id: 'speed', label: L('سرعة إنجاز طلبك', 'How quickly your request was handled') },
  { id: 'courtesy', label: L('تعامل الموظفين معك', 'How the staff treated you') },
  { id: 'clarity', label: L('وضوح المعلومات التي وصلتك', 'How clear the information you received was') },
];

const surveys = new Map();   // token → {language, expiresAt, answer: null | {overall, ...}, followedUp}
const feedback = new Map();  // kioskId → {recorded: [], taps: [timestamps]}

function newSurvey({ language = 'ar', state = 'open' } = {}) {
  const token = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + (state === 'expired' ? -1 : 14) * 86400_000).toISOString();
  surveys.set(token, { language: language === 'en' ? 'en' : 'ar', expiresAt,
    answer: state === 'answered' ? { overall: 4 } : null, followedUp: state === 'answered' });
  return token;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

async function readJson(req) {
  const chunks = [];
  let size = 0;
  for await (const c of req) { size += c.length; if (size > 16 * 1024) throw new Error('too large'); chunks.push(c); }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

const score = (v) => Number.isInteger(v) && v >= 1 && v <= 5;

/** The contract's body rules; all problems at once. */
function validate(b) {
  const e = [];
  if (b.overall === undefined) e.push(err('required', 'overall'));
  else if (!score(b.overall)) e.push(err('invalid_choice', 'overall'));
  if (b.answers !== undefined) {
    if (!b.answers || typeof b.answers !== 'object' || Array.isArray(b.answers)) e.push(err('invalid_type', 'answers'));
    else {
      for (const [k, v] of Object.entries(b.answers)) {
        if (k === 'needMet') { if (typeof v !== 'boolean') e.push(err('invalid_type', 'answers.needMet')); }
        else if (!QUESTIONS.some((q) => q.id === k)) e.push(err('invalid_choice', `answers.${k}`));
        else if (!score(v)) e.push(err('invalid_choice', `answers.${k}`));
      }
    }
  }
  if (b.comment !== undefined && typeof b.comment !== 'string') e.push(err('invalid_type', 'comment'));
  else if (typeof b.comment === 'string' && [...b.comment].length > 1000) e.push(err('too_long', 'comment'));
  for (const f of ['anonymous', 'contactConsent']) if (b[f] !== undefined && typeof b[f] !== 'boolean') e.push(err('invalid_type', f));
  return e;
}

/** Answers the survey routes: the refusals first, in the order the real service checks them. */
async function surveyRoute(req, res, token) {
  const s = surveys.get(token);
  if (!s) return send(res, 404, { errors: [err('survey_not_found')] });
  if (Date.parse(s.expiresAt) < Date.now()) return send(res, 410, { errors: [err('survey_expired')] });
  if (req.method === 'GET') {
    if (s.answer) return send(res, 409, { errors: [err('survey_already_answered')] });
    return send(res, 200, { association: L('جمعية تمكين لذوي الإعاقة', 'Tamkeen Association for People with Disabilities'),
      service: L('طلب خدمة أو دعم', 'Service or support request'), language: s.language, questions: QUESTIONS,
      needMetQuestion: L('هل لُبّيت حاجتك؟', 'Was your need met?'), expiresAt: s.expiresAt });
  }
  if (req.method !== 'POST') return send(res, 405, { errors: [err('route_not_found')] });
  let b;
  try { b = await readJson(req); } catch { return send(res, 400, { errors: [err('malformed_json')] }); }
  if (!b || typeof b !== 'object' || Array.isArray(b)) return send(res, 400, { errors: [err('malformed_json')] });
  const errors = validate(b);
  if (errors.length) return send(res, 400, { errors });
  const details = ['answers', 'comment', 'anonymous', 'contactConsent'].some((k) => b[k] !== undefined);
  if (s.answer) {
    // One follow-up that adds details to the same answer; anything else is a second answer.
    if (s.followedUp || !details || b.overall !== s.answer.overall) return send(res, 409, { errors: [err('survey_already_answered')] });
    s.answer = { ...s.answer, ...b };
    s.followedUp = true;
  } else {
    s.answer = { ...b };
    s.followedUp = details;
  }
  return send(res, 201, { thanks: L('شكرًا لك، وصلنا رأيك.', 'Thank you, we have your answer.') });
}

async function feedbackRoute(req, res) {
  let b;
  try { b = await readJson(req); } catch { return send(res, 400, { errors: [err('malformed_json')] }); }
  const e = [];
  if (typeof b?.kioskId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(b.kioskId)) e.push(err('invalid_choice', 'kioskId'));
  if (!score(b?.score)) e.push(err('invalid_choice', 'score'));
  if (e.length) return send(res, 400, { errors: e });
  const k = feedback.get(b.kioskId) || { recorded: [], taps: [] };
  feedback.set(b.kioskId, k);
  const now = Date.now();
  k.taps = k.taps.filter((t) => now - t < FEEDBACK_WINDOW_MS);
  k.taps.push(now);
  if (k.taps.length > FEEDBACK_LIMIT) return send(res, 429, { errors: [err('too_many_feedback')] }, { 'Retry-After': '10' });
  k.recorded.push(b.score);
  return send(res, 202, {});
}

function serveStatic(req, res) {
  const url = new URL(req.url, 'http://x');
  let rel;
  try { rel = decodeURIComponent(url.pathname); } catch { res.writeHead(400).end(); return; }
  let file = path.join(SITE, path.normalize(rel));
  if (!file.startsWith(SITE)) { res.writeHead(403).end(); return; }
  try {
    let st = fs.statSync(file);
    if (st.isDirectory()) {
      if (!url.pathname.endsWith('/')) { res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end(); return; }
      file = path.join(file, 'index.html');
      st = fs.statSync(file);
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Length': st.size, 'Cache-Control': 'no-cache' });
    if (req.method === 'HEAD') { res.end(); return; }
    fs.createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  }
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const fail = () => send(res, 500, { errors: [] });
  const m = url.pathname.match(/^\/surveys\/([^/]+)$/);
  if (m) return void surveyRoute(req, res, decodeURIComponent(m[1])).catch(fail);
  if (url.pathname === '/feedback') {
    return req.method === 'POST' ? void feedbackRoute(req, res).catch(fail) : send(res, 405, { errors: [err('route_not_found')] });
  }
  if (url.pathname === '/mock/survey-token') {
    const token = newSurvey({ language: url.searchParams.get('language') || 'ar', state: url.searchParams.get('state') || 'open' });
    return send(res, 200, { token, path: `/survey/?t=${token}` });
  }
  if (url.pathname === '/mock/survey-answers') return send(res, 200, surveys.get(url.searchParams.get('t'))?.answer ?? null);
  if (url.pathname === '/mock/feedback') return send(res, 200, { recorded: feedback.get(url.searchParams.get('kiosk'))?.recorded ?? [] });
  if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(req, res);
  res.writeHead(405).end();
});
server.listen(PORT, '127.0.0.1', () => console.log(`mock survey API + site on http://127.0.0.1:${server.address().port}`));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
