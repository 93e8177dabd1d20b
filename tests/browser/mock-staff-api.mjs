#!/usr/bin/env node
// Development stand-in for the staff API (issue 5) until the Java `staff-api` is served by the local
// runner: serves ../../site statically and answers POST /dev/login and the /staff/ routes of the
// contract from memory, seeded with a few dozen requests and survey answers. The staff browser
// tests run against this or against `./run --port N` alike (BASE_URL).
//   node mock-staff-api.mjs [--port 3000]     (or PORT=3000; MOCK_PAGE_SIZE=10)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const SITE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../site');
const argPort = process.argv.indexOf('--port');
const PORT = Number(argPort > 0 ? process.argv[argPort + 1] : process.env.PORT || 3000);
const PAGE_SIZE = Number(process.env.MOCK_PAGE_SIZE || 10);
const TOKEN_HOURS = 8;

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.woff2': 'font/woff2', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8' };

const L = (ar, en) => ({ ar, en });
const STATUS = {
  received: L('تم الاستلام', 'Received'), in_review: L('قيد المراجعة', 'In review'),
  waiting_for_beneficiary: L('بانتظار استكمال من المستفيد', 'Waiting for you'), in_progress: L('قيد التنفيذ', 'In progress'),
  completed: L('مكتمل', 'Completed'), rejected: L('معتذر عنه', 'Declined'), closed: L('مغلق', 'Closed'),
};
const CATEGORY = {
  new_beneficiary: L('تسجيل مستفيد جديد', 'New beneficiary registration'), service: L('طلب خدمة أو دعم', 'Service or support request'),
  inquiry: L('استفسار', 'Inquiry'), suggestion: L('اقتراح', 'Suggestion'), complaint: L('شكوى', 'Complaint'),
};
const CHANNEL = {
  kiosk: L('جهاز الخدمة الذاتية', 'Lobby kiosk'), web: L('الموقع الإلكتروني', 'Website'), interview: L('مقابلة شخصية', 'In-person interview'),
  phone: L('اتصال هاتفي', 'Phone call'), letter: L('خطاب', 'Letter'), volunteer: L('خدمة التطوع', 'Volunteer service'),
  social_media: L('وسائل التواصل الاجتماعي', 'Social media'),
};
const STAFF_CHANNELS = ['interview', 'phone', 'letter', 'volunteer', 'social_media'];
// The state machine the console is driven by (the server sends allowedTransitions; the UI never guesses).
const TRANSITIONS = {
  received: ['in_review', 'rejected', 'closed'],
  in_review: ['waiting_for_beneficiary', 'in_progress', 'completed', 'rejected', 'closed'],
  waiting_for_beneficiary: ['in_review', 'in_progress', 'closed'],
  in_progress: ['waiting_for_beneficiary', 'completed', 'closed'],
  completed: ['closed'],
  rejected: ['closed'],
  closed: [],
};
const FINAL = new Set(['completed', 'rejected', 'closed']);
const TARGET_HOURS = { new_beneficiary: 40, service: 40, inquiry: 16, suggestion: 40, complaint: 24 };

const MESSAGES = {
  unauthorized: ['سجّل الدخول للمتابعة', 'Sign in to continue'],
  forbidden: ['هذه العملية للمديرين فقط', 'Managers only'],
  not_found: ['لا يوجد طلب بهذا الرقم المرجعي', 'No request has this reference'],
  route_not_found: ['غير موجود', 'Not found'],
  method_not_allowed: ['طريقة غير مسموحة', 'Method not allowed'],
  malformed_json: ['الطلب غير مقروء', 'The request could not be read'],
  invalid_choice: ['قيمة غير مقبولة', 'Not an accepted value'],
  required: ['هذا الحقل مطلوب', 'This field is required'],
  invalid_name: ['اكتب الاسم بالحروف فقط', 'Write the name in letters only'],
  too_long: ['النص أطول من المسموح', 'The text is too long'],
  too_short: ['النص أقصر من المسموح', 'The text is too short'],
  invalid_mobile: ['اكتب رقم جوال سعودي صحيحًا، مثل 0501234567', 'Enter a valid Saudi mobile number, like 0501234567'],
  invalid_email: ['اكتب بريدًا إلكترونيًا صحيحًا', 'Enter a valid email address'],
  email_required_for_contact: ['اكتب البريد الإلكتروني لأنه اختار التواصل عبره', 'Enter the email address, as email was chosen for contact'],
  invalid_national_id: ['رقم الهوية غير صحيح', 'The national ID is not valid'],
  consent_required: ['يلزم موافقة المستفيد على إشعار الخصوصية', 'The beneficiary’s agreement to the privacy notice is needed'],
  channel_not_allowed: ['اختر قناة من قنوات الموظفين', 'Choose one of the staff channels'],
  invalid_date: ['اكتب التاريخ بالصيغة YYYY-MM-DD', 'Write the date as YYYY-MM-DD'],
  invalid_cursor: ['مؤشر الصفحة غير صالح', 'The page cursor is not valid'],
  version_conflict: ['عدّل شخص آخر هذا الطلب؛ أعد تحميله', 'Someone else changed this request; reload it'],
  invalid_transition: ['لا يمكن الانتقال إلى هذه الحالة من الحالة الحالية', 'The request cannot move to that status from its current one'],
};
const err = (code, field) => ({ ...(field ? { field } : {}), code, message: L(...MESSAGES[code]) });

// ---- helpers ---------------------------------------------------------------------------------
const ascii = (s) => String(s ?? '').replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
const mobileOf = (s) => { const m = ascii(s).replace(/[\s\-().\u200E\u200F]/g, '').match(/^(?:\+966|00966|966|0)?(5\d{8})$/); return m ? `+966${m[1]}` : null; };
const str = (v) => (typeof v === 'string' ? v.trim() : '');
const len = (s) => [...s].length;
const isName = (s) => /^[\p{L}\p{Mn}\s\-'.\u0640\u200C]+$/u.test(s);
const luhnId = (id) => /^[12]\d{9}$/.test(id) && [...id].reduce((sum, ch, i) => {
  let d = Number(ch);
  if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
  return sum + d;
}, 0) % 10 === 0;
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const newReference = () => { const b = crypto.randomBytes(8); const c = [...b].map((x) => ALPHABET[x % ALPHABET.length]).join(''); return `${c.slice(0, 4)}-${c.slice(4)}`; };
const riyadhDay = (iso) => new Date(Date.parse(iso) + 3 * 3600e3).toISOString().slice(0, 10);
const HOUR = 3600e3;
// Working hours elapsed, roughly: 7 working hours in each 24, five days in seven. The real service
// walks the association's calendar (Sunday–Thursday, Ramadan hours, holidays); this is a stand-in.
const workingHours = (ms) => (ms / HOUR) * (7 / 24) * (5 / 7);
const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.ceil(q * s.length) - 1);
  return Math.round(s[Math.max(0, i)] * 10) / 10;
}

// ---- data --------------------------------------------------------------------------------------
const tokens = new Map();   // token → {role, name, exp}
const requests = new Map(); // reference → record
const surveys = [];         // {reference, at, score, comment}

function record(fields) {
  const now = new Date(fields.submittedAt).toISOString();
  return {
    version: 1, registeredBy: null, email: null, nationalId: null, onBehalf: null, language: 'ar', preferredContact: 'sms',
    ...fields, submittedAt: now, updatedAt: now, firstActionAt: null, closedAt: null,
    timeline: [{ at: now, type: 'status', status: 'received', by: fields.registeredBy ?? null, public: true }],
  };
}

function seed() {
  let x = 20261125;
  const rnd = () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const names = ['سارة العتيبي', 'محمد الغامدي', 'نورة الحربي', 'عبدالله الزهراني', 'فاطمة القرشي', 'خالد المالكي', 'ريم السلمي', 'يوسف الشهري', 'هند العمري', 'Ahmed Khan'];
  const cities = ['مكة المكرمة', 'جدة', 'الطائف', 'رابغ', 'القنفذة'];
  const texts = ['أحتاج إلى كرسي متحرك لابني.', 'أرغب في التسجيل في دورة لغة الإشارة.', 'متى تبدأ جلسات العلاج الطبيعي؟', 'أقترح توفير مواقف أقرب للمدخل.', 'تأخر موعد النقل مرتين هذا الشهر.'];
  const channels = Object.keys(CHANNEL);
  const categories = Object.keys(CATEGORY);
  const now = Date.now();
  for (let i = 0; i < 42; i++) {
    const submitted = now - Math.floor(rnd() * 170 * 24) * HOUR - 2 * HOUR;
    const category = pick(categories);
    const r = record({
      reference: newReference(), category, channel: pick(channels), status: 'received',
      name: pick(names), mobile: `+9665${String(10000000 + Math.floor(rnd() * 89999999))}`, city: pick(cities),
      description: pick(texts), submittedAt: submitted, language: rnd() < 0.85 ? 'ar' : 'en',
    });
    // Walk a plausible path through the state machine, with notes on the way.
    const path = pick([[], ['in_review'], ['in_review', 'in_progress'], ['in_review', 'waiting_for_beneficiary'],
      ['in_review', 'in_progress', 'completed'], ['in_review', 'completed'], ['in_review', 'rejected'], ['in_review', 'in_progress', 'completed', 'closed']]);
    let t = submitted;
    for (const status of path) {
      t = Math.min(now - HOUR, t + (2 + rnd() * 90) * HOUR);
      apply(r, status, new Date(t).toISOString(), 'موظف تجريبي');
      if (rnd() < 0.3) r.timeline.push({ at: new Date(t + 60e3).toISOString(), type: 'note', text: 'تم الاتصال بالمستفيد وتأكيد البيانات.', by: 'موظف تجريبي', public: false });
    }
    requests.set(r.reference, r);
    if (r.status === 'completed' || (r.status === 'closed' && path.includes('completed'))) {
      if (rnd() < 0.8) {
        const score = Math.min(5, Math.max(1, Math.round(3.8 + (rnd() - 0.4) * 3)));
        surveys.push({ reference: r.reference, at: new Date(Math.min(now - HOUR, Date.parse(r.closedAt) + 20 * HOUR)).toISOString(), score, comment: score <= 2 ? 'تأخر الرد.' : '' });
      }
    }
  }
  // Two open requests from one mobile, through two channels: the duplicate flag across channels.
  const twin = { category: 'service', name: 'منى الثبيتي', mobile: '+966505550123', city: 'جدة', description: 'أحتاج سماعة أذن.' };
  const a = record({ ...twin, reference: newReference(), channel: 'phone', status: 'received', submittedAt: now - 30 * HOUR });
  const b = record({ ...twin, reference: newReference(), channel: 'web', status: 'received', submittedAt: now - 5 * HOUR });
  requests.set(a.reference, a);
  requests.set(b.reference, b);
}

function apply(r, status, at, by, note) {
  r.status = status;
  r.updatedAt = at;
  r.version += 1;
  if (!r.firstActionAt) r.firstActionAt = at;
  if (FINAL.has(status) && !r.closedAt) r.closedAt = at;
  r.timeline.push({ at, type: 'status', status, by, public: true });
  if (note) r.timeline.push({ at, type: 'note', text: note, by, public: false });
}

const openDuplicates = (r) => [...requests.values()]
  .filter((o) => o.reference !== r.reference && !FINAL.has(o.status)
    && ((r.mobile && o.mobile === r.mobile) || (r.nationalId && o.nationalId === r.nationalId)))
  .map((o) => o.reference);

function sla(r) {
  const target = TARGET_HOURS[r.category];
  const end = r.closedAt ? Date.parse(r.closedAt) : Date.now();
  const elapsed = Math.round(workingHours(end - Date.parse(r.submittedAt)) * 10) / 10;
  const dueAt = new Date(Date.parse(r.submittedAt) + (target / ((7 / 24) * (5 / 7))) * HOUR).toISOString();
  let state;
  if (r.closedAt) state = elapsed <= target ? 'met' : 'missed';
  else if (r.status === 'waiting_for_beneficiary') state = 'paused';
  else if (elapsed > target) state = 'overdue';
  else if (elapsed > target * 0.75) state = 'due_soon';
  else state = 'on_track';
  return { state, dueAt, targetHours: target, workingHoursElapsed: elapsed };
}

const mask = (m) => (m ? `${m.slice(0, 4)}•••••${m.slice(-4)}` : '');

function summary(r) {
  const { state, dueAt } = sla(r);
  return {
    reference: r.reference, category: r.category, categoryLabel: CATEGORY[r.category], channel: r.channel, channelLabel: CHANNEL[r.channel],
    status: r.status, statusLabel: STATUS[r.status], name: r.name, mobileMasked: mask(r.mobile),
    submittedAt: r.submittedAt, updatedAt: r.updatedAt, sla: { state, dueAt }, possibleDuplicate: openDuplicates(r).length > 0,
  };
}

function detail(r) {
  return {
    reference: r.reference, category: r.category, categoryLabel: CATEGORY[r.category], channel: r.channel, channelLabel: CHANNEL[r.channel],
    status: r.status, statusLabel: STATUS[r.status], name: r.name, mobile: r.mobile,
    ...(r.email ? { email: r.email } : {}), ...(r.nationalId ? { nationalIdLast4: r.nationalId.slice(-4) } : {}),
    city: r.city, description: r.description, preferredContact: r.preferredContact, language: r.language,
    ...(r.onBehalf ? { onBehalf: r.onBehalf } : {}), submittedAt: r.submittedAt, updatedAt: r.updatedAt, version: r.version,
    ...(r.registeredBy ? { registeredBy: r.registeredBy } : {}), possibleDuplicates: openDuplicates(r), sla: sla(r),
    allowedTransitions: TRANSITIONS[r.status],
    timeline: r.timeline.map((e) => ({ ...e, ...(e.status ? { statusLabel: STATUS[e.status] } : {}) })),
  };
}

// ---- HTTP ----------------------------------------------------------------------------------------
function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}
async function readJson(req) {
  const chunks = [];
  let size = 0;
  for await (const c of req) { size += c.length; if (size > 16 * 1024) throw new Error('too large'); chunks.push(c); }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function principal(req) {
  const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const p = m && tokens.get(m[1]);
  if (!p || p.exp <= Date.now()) return null;
  return p;
}

function dateRange(q) {
  const errors = [];
  for (const f of ['from', 'to']) {
    const v = q.get(f);
    if (v && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))) errors.push(err('invalid_date', f));
  }
  return { from: q.get('from') || '0000-01-01', to: q.get('to') || '9999-12-31', errors };
}
const inRange = (iso, { from, to }) => { const d = riyadhDay(iso); return d >= from && d <= to; };

function listRequests(q, res) {
  const range = dateRange(q);
  const errors = [...range.errors];
  for (const [f, allowed] of [['status', STATUS], ['category', CATEGORY], ['channel', CHANNEL]]) {
    if (q.get(f) && !allowed[q.get(f)]) errors.push(err('invalid_choice', f));
  }
  const order = q.get('order') || 'newest';
  if (!['newest', 'oldest'].includes(order)) errors.push(err('invalid_choice', 'order'));
  let offset = 0;
  if (q.get('cursor')) {
    try { offset = JSON.parse(Buffer.from(q.get('cursor'), 'base64url').toString()).o; } catch { errors.push(err('invalid_cursor', 'cursor')); }
    if (!Number.isInteger(offset) || offset < 0) errors.push(err('invalid_cursor', 'cursor'));
  }
  if (errors.length) return send(res, 400, { errors });
  const search = str(q.get('q'));
  let items = [...requests.values()].filter((r) => (!q.get('status') || r.status === q.get('status'))
    && (!q.get('category') || r.category === q.get('category')) && (!q.get('channel') || r.channel === q.get('channel'))
    && inRange(r.submittedAt, range));
  if (search) {
    const ref = ascii(search).toUpperCase().replace(/[\s\-\u200E\u200F]/g, '');
    const mobile = mobileOf(search);
    const id = ascii(search).replace(/\s/g, '');
    items = items.filter((r) => r.reference.replace('-', '') === ref || (mobile && r.mobile === mobile) || (/^\d{10}$/.test(id) && r.nationalId === id));
  }
  items.sort((a, b) => (order === 'newest' ? b.submittedAt.localeCompare(a.submittedAt) : a.submittedAt.localeCompare(b.submittedAt)));
  const page = items.slice(offset, offset + PAGE_SIZE);
  const nextCursor = offset + PAGE_SIZE < items.length ? Buffer.from(JSON.stringify({ o: offset + PAGE_SIZE })).toString('base64url') : null;
  return send(res, 200, { items: page.map(summary), nextCursor });
}

function validateNew(b) {
  const e = [];
  if (!CATEGORY[b.category]) e.push(err(b.category ? 'invalid_choice' : 'required', 'category'));
  if (!STAFF_CHANNELS.includes(b.channel) && b.channel !== 'web') e.push(err(b.channel ? 'channel_not_allowed' : 'required', 'channel'));
  const name = str(b.name);
  if (!name) e.push(err('required', 'name'));
  else if (len(name) < 2) e.push(err('too_short', 'name'));
  else if (len(name) > 100) e.push(err('too_long', 'name'));
  else if (!isName(name)) e.push(err('invalid_name', 'name'));
  if (!mobileOf(b.mobile)) e.push(err(b.mobile ? 'invalid_mobile' : 'required', 'mobile'));
  if (b.email != null && b.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(str(b.email))) e.push(err('invalid_email', 'email'));
  else if (b.preferredContact === 'email' && !str(b.email)) e.push(err('email_required_for_contact', 'email'));
  if (b.nationalId != null && b.nationalId !== '' && !luhnId(ascii(b.nationalId))) e.push(err('invalid_national_id', 'nationalId'));
  const city = str(b.city);
  if (!city) e.push(err('required', 'city')); else if (len(city) < 2 || len(city) > 60) e.push(err(len(city) < 2 ? 'too_short' : 'too_long', 'city'));
  const text = str(b.description);
  if (!text) e.push(err('required', 'description')); else if (len(text) > 2000) e.push(err('too_long', 'description'));
  if (!['sms', 'email'].includes(b.preferredContact)) e.push(err(b.preferredContact ? 'invalid_choice' : 'required', 'preferredContact'));
  if (!['ar', 'en'].includes(b.language)) e.push(err('invalid_choice', 'language'));
  if (b.consent !== true) e.push(err('consent_required', 'consent'));
  if (b.onBehalf != null) {
    if (!str(b.onBehalf?.beneficiaryName)) e.push(err('required', 'onBehalf.beneficiaryName'));
    else if (!isName(str(b.onBehalf.beneficiaryName))) e.push(err('invalid_name', 'onBehalf.beneficiaryName'));
    if (!str(b.onBehalf?.relationship)) e.push(err('required', 'onBehalf.relationship'));
  }
  return e;
}

const idempotency = new Map(); // key → {status, body}

async function createRequest(req, res, who) {
  const key = req.headers['idempotency-key'];
  if (key && idempotency.has(key)) { const r = idempotency.get(key); return send(res, r.status, r.body, { 'Idempotent-Replayed': 'true' }); }
  let b;
  try { b = await readJson(req); } catch { return send(res, 400, { errors: [err('malformed_json')] }); }
  if (!b || typeof b !== 'object' || Array.isArray(b)) return send(res, 400, { errors: [err('malformed_json')] });
  const errors = validateNew(b);
  if (errors.length) return send(res, 400, { errors });
  let reference;
  do { reference = newReference(); } while (requests.has(reference));
  const r = record({
    reference, category: b.category, channel: b.channel, status: 'received', name: str(b.name), mobile: mobileOf(b.mobile),
    email: str(b.email) || null, nationalId: b.nationalId ? ascii(b.nationalId) : null, city: str(b.city), description: str(b.description),
    preferredContact: b.preferredContact, language: b.language, onBehalf: b.onBehalf ? { beneficiaryName: str(b.onBehalf.beneficiaryName), relationship: str(b.onBehalf.relationship) } : null,
    submittedAt: Date.now(), registeredBy: who.name,
  });
  requests.set(reference, r);
  const body = { reference, status: 'received', submittedAt: r.submittedAt,
    nextSteps: L('سيتابع موظف خدمة المستفيدين الطلب خلال يومي عمل، وتصل المستفيد رسالة بالرقم المرجعي.',
      'A beneficiary-relations officer will follow up within two working days; the beneficiary gets a message with the reference.'),
    possibleDuplicates: openDuplicates(r) };
  if (key) idempotency.set(key, { status: 201, body });
  return send(res, 201, body);
}

async function changeStatus(req, res, r, who) {
  let b;
  try { b = await readJson(req); } catch { return send(res, 400, { errors: [err('malformed_json')] }); }
  if (!STATUS[b?.status]) return send(res, 400, { errors: [err(b?.status ? 'invalid_choice' : 'required', 'status')] });
  if (!Number.isInteger(b.version)) return send(res, 400, { errors: [err('required', 'version')] });
  if (b.note != null && (typeof b.note !== 'string' || len(b.note) > 2000)) return send(res, 400, { errors: [err('too_long', 'note')] });
  if (b.version !== r.version) return send(res, 409, { errors: [err('version_conflict')] });
  if (!TRANSITIONS[r.status].includes(b.status)) return send(res, 400, { errors: [err('invalid_transition', 'status')] });
  apply(r, b.status, new Date().toISOString(), who.name, str(b.note) || null);
  return send(res, 200, detail(r));
}

async function addNote(req, res, r, who) {
  let b;
  try { b = await readJson(req); } catch { return send(res, 400, { errors: [err('malformed_json')] }); }
  const text = str(b?.text);
  if (!text) return send(res, 400, { errors: [err('required', 'text')] });
  if (len(text) > 2000) return send(res, 400, { errors: [err('too_long', 'text')] });
  const at = new Date().toISOString();
  r.timeline.push({ at, type: 'note', text, by: who.name, public: false });
  r.updatedAt = at;
  r.version += 1; // a note is a change: it moves the version like any other write
  return send(res, 201, { at, by: who.name, text });
}

function satisfaction(q, res) {
  const range = dateRange(q);
  if (range.errors.length) return send(res, 400, { errors: range.errors });
  const list = surveys.filter((s) => inRange(s.at, range));
  const agg = (xs) => ({ responses: xs.length, csat: xs.length ? Math.round((xs.filter((s) => s.score >= 4).length / xs.length) * 1000) / 1000 : 0 });
  const group = (keyOf) => { const m = new Map(); for (const s of list) { const k = keyOf(s); m.set(k, [...(m.get(k) ?? []), s]); } return m; };
  const months = [...group((s) => riyadhDay(s.at).slice(0, 7))].sort(([a], [b]) => a.localeCompare(b));
  const by = (field, labels) => [...group((s) => requests.get(s.reference)[field])].map(([k, xs]) => ({ [field]: k, [`${field}Label`]: labels[k], ...agg(xs) }));
  return send(res, 200, {
    ...agg(list), average: list.length ? Math.round((list.reduce((a, s) => a + s.score, 0) / list.length) * 100) / 100 : null,
    distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: list.filter((s) => s.score === score).length })),
    byMonth: months.map(([month, xs]) => ({ month, ...agg(xs) })),
    byChannel: by('channel', CHANNEL), byCategory: by('category', CATEGORY),
  });
}

function service(q, res) {
  const range = dateRange(q);
  if (range.errors.length) return send(res, 400, { errors: range.errors });
  const list = [...requests.values()].filter((r) => inRange(r.submittedAt, range));
  const count = (field, labels) => Object.keys(labels).map((k) => ({ [field]: k, [`${field}Label`]: labels[k], count: list.filter((r) => r[field] === k).length })).filter((x) => x.count > 0);
  const first = list.filter((r) => r.firstActionAt).map((r) => workingHours(Date.parse(r.firstActionAt) - Date.parse(r.submittedAt)));
  const done = list.filter((r) => r.closedAt);
  const completion = done.map((r) => workingHours(Date.parse(r.closedAt) - Date.parse(r.submittedAt)));
  const days = done.map((r) => (Date.parse(r.closedAt) - Date.parse(r.submittedAt)) / (24 * HOUR));
  return send(res, 200, {
    requests: list.length, byChannel: count('channel', CHANNEL), byCategory: count('category', CATEGORY), byStatus: count('status', STATUS),
    firstActionHours: { median: median(first), p90: quantile(first, 0.9) },
    completionHours: { median: median(completion), p90: quantile(completion, 0.9) },
    withinSla: done.length ? Math.round((done.filter((r) => sla(r).state === 'met').length / done.length) * 1000) / 1000 : 0,
    completionHistogram: [
      { label: '<1d', count: days.filter((d) => d < 1).length }, { label: '1-3d', count: days.filter((d) => d >= 1 && d < 3).length },
      { label: '3-7d', count: days.filter((d) => d >= 3 && d < 7).length }, { label: '>7d', count: days.filter((d) => d >= 7).length },
    ],
  });
}

const csvCell = (v) => { const s = String(v ?? ''); return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s; };
function exportCsv(kind, q, res) {
  const range = dateRange(q);
  if (range.errors.length) return send(res, 400, { errors: range.errors });
  let rows;
  if (kind === 'requests') {
    rows = [['reference', 'submitted_at', 'category', 'channel', 'status', 'status_ar', 'city'],
      ...[...requests.values()].filter((r) => inRange(r.submittedAt, range))
        .map((r) => [r.reference, r.submittedAt, r.category, r.channel, r.status, STATUS[r.status].ar, r.city])];
  } else {
    rows = [['reference', 'answered_at', 'channel', 'category', 'score', 'comment'],
      ...surveys.filter((s) => inRange(s.at, range)).map((s) => { const r = requests.get(s.reference); return [s.reference, s.at, r.channel, r.category, s.score, s.comment]; })];
  }
  const body = `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
  res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Cache-Control': 'no-store',
    'Content-Disposition': `attachment; filename="${kind}-${q.get('from') || 'all'}-${q.get('to') || 'all'}.csv"` });
  res.end(body);
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

// API routes under /staff/ share the prefix with the console's pages (/staff/reports/ is a page,
// /staff/reports/service an API route): match the API paths exactly, serve everything else.
const API = [
  ['GET', /^\/staff\/requests$/, false, (req, res, m, q) => listRequests(q, res)],
  ['POST', /^\/staff\/requests$/, false, (req, res, m, q, who) => createRequest(req, res, who)],
  ['GET', /^\/staff\/requests\/([^/]+)$/, false, (req, res, m) => withRequest(m, res, (r) => send(res, 200, detail(r)))],
  ['POST', /^\/staff\/requests\/([^/]+)\/status$/, false, (req, res, m, q, who) => withRequest(m, res, (r) => changeStatus(req, res, r, who))],
  ['POST', /^\/staff\/requests\/([^/]+)\/notes$/, false, (req, res, m, q, who) => withRequest(m, res, (r) => addNote(req, res, r, who))],
  ['GET', /^\/staff\/reports\/satisfaction$/, true, (req, res, m, q) => satisfaction(q, res)],
  ['GET', /^\/staff\/reports\/service$/, true, (req, res, m, q) => service(q, res)],
  ['GET', /^\/staff\/exports\/(requests|surveys)\.csv$/, true, (req, res, m, q) => exportCsv(m[1], q, res)],
];
function withRequest(m, res, fn) {
  let ref;
  try { ref = decodeURIComponent(m[1]).toUpperCase(); } catch { ref = ''; }
  const r = requests.get(ref);
  return r ? fn(r) : send(res, 404, { errors: [err('not_found')] });
}

async function devLogin(req, res) {
  let b;
  try { b = await readJson(req); } catch { return send(res, 400, { errors: [err('malformed_json')] }); }
  if (!['staff', 'manager'].includes(b?.role)) return send(res, 400, { errors: [err('invalid_choice', 'role')] });
  const token = crypto.randomBytes(24).toString('base64url');
  const exp = Date.now() + TOKEN_HOURS * HOUR;
  const name = b.role === 'manager' ? 'مدير تجريبي' : 'موظف تجريبي';
  tokens.set(token, { role: b.role, name, exp });
  return send(res, 200, { token, role: b.role, name, expiresAt: new Date(exp).toISOString() });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const fail = () => { if (!res.headersSent) send(res, 500, { errors: [] }); };
  if (url.pathname === '/dev/login') {
    return req.method === 'POST' ? void devLogin(req, res).catch(fail) : send(res, 405, { errors: [err('method_not_allowed')] });
  }
  const matches = API.filter(([, re]) => re.test(url.pathname));
  if (matches.length) {
    const route = matches.find(([method]) => method === req.method);
    const who = principal(req);
    if (!who) return send(res, 401, { errors: [err('unauthorized')] }, { 'WWW-Authenticate': 'Bearer' });
    if (!route) return send(res, 405, { errors: [err('method_not_allowed')] });
    const [, re, managerOnly, handler] = route;
    if (managerOnly && who.role !== 'manager') return send(res, 403, { errors: [err('forbidden')] });
    return void Promise.resolve(handler(req, res, re.exec(url.pathname), url.searchParams, who)).catch(fail);
  }
  if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(req, res);
  return send(res, 405, { errors: [err('method_not_allowed')] });
});

seed();
server.listen(PORT, '127.0.0.1', () => console.log(`mock staff API + site on http://127.0.0.1:${server.address().port}`));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
