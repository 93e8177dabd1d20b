#!/usr/bin/env node
// Development stand-in for the Mustafeed API: serves ../../site statically and answers
// POST /requests and POST /requests/lookup per the API contract, with in-memory data.
// Not the real API (the local runner `./run --port N` is); the browser tests run against either.
//   node mock-api.mjs [--port 3000]     (or PORT=3000)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const SITE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../site');
const argPort = process.argv.indexOf('--port');
const PORT = Number(argPort > 0 ? process.argv[argPort + 1] : process.env.PORT || 3000);
const LOOKUP_LIMIT = Number(process.env.MOCK_LOOKUP_LIMIT || 10); // failed lookups per client per window
const LOOKUP_WINDOW_S = 900;

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.woff2': 'font/woff2', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8' };

const MESSAGES = {
  invalid_json: ['الطلب غير مقروء', 'The request could not be read'],
  missing_idempotency_key: ['ترويسة Idempotency-Key مطلوبة', 'The Idempotency-Key header is required'],
  invalid_category: ['اختر نوع الطلب', 'Choose the type of request'],
  invalid_channel: ['قناة غير معروفة', 'Unknown channel'],
  required_name: ['اكتب الاسم', 'Enter the name'],
  invalid_mobile: ['اكتب رقم جوال سعودي صحيحًا، مثل 0501234567', 'Enter a valid Saudi mobile number, like 0501234567'],
  invalid_email: ['اكتب بريدًا إلكترونيًا صحيحًا', 'Enter a valid email address'],
  required_email: ['اكتب بريدك الإلكتروني لأنك اخترت التواصل عبره', 'Enter your email address, as you chose to be contacted by email'],
  invalid_national_id: ['رقم الهوية يتكون من ١٠ أرقام', 'The national ID has 10 digits'],
  required_city: ['اكتب المدينة أو المحافظة', 'Enter your city or governorate'],
  required_description: ['اكتب تفاصيل طلبك', 'Describe your request'],
  description_too_long: ['التفاصيل أطول من ٢٠٠٠ حرف', 'The description is longer than 2000 characters'],
  invalid_preferred_contact: ['اختر طريقة التواصل المفضلة', 'Choose how we should contact you'],
  invalid_language: ['لغة غير معروفة', 'Unknown language'],
  required_consent: ['يلزم موافقتك على إشعار الخصوصية', 'We need your agreement to the privacy notice'],
  required_beneficiary_name: ['اكتب اسم المستفيد', 'Enter the beneficiary’s name'],
  required_relationship: ['اكتب صلتك بالمستفيد', 'Enter your relationship to the beneficiary'],
  invalid_reference: ['الرقم المرجعي غير صحيح', 'The reference is not valid'],
  invalid_mobile_last4: ['اكتب آخر ٤ أرقام من الجوال', 'Enter the last 4 digits of the mobile'],
  not_found: ['لم نجد طلبًا بهذا الرقم المرجعي وهذه الأرقام', 'We could not find a request with that reference and those digits'],
  too_many_attempts: ['محاولات كثيرة، حاول لاحقًا', 'Too many attempts; try again later'],
  not_found_route: ['غير موجود', 'Not found'],
};
const err = (code, field) => ({ ...(field ? { field } : {}), code, message: { ar: MESSAGES[code][0], en: MESSAGES[code][1] } });
const LABELS = { received: { ar: 'تم الاستلام', en: 'Received' } };

const ascii = (s) => String(s ?? '').replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
const mobileOf = (s) => { const m = ascii(s).replace(/[\s\-().\u200E\u200F]/g, '').match(/^(?:\+966|00966|966|0)?(5\d{8})$/); return m ? `+966${m[1]}` : null; };
const str = (v) => (typeof v === 'string' ? v.trim() : '');
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ'; // no 0/O, 1/I/L, U
const newReference = () => { const b = crypto.randomBytes(8); const c = [...b].map((x) => ALPHABET[x % ALPHABET.length]).join(''); return `${c.slice(0, 4)}-${c.slice(4)}`; };

const requests = new Map();      // reference → record
const idempotency = new Map();   // key → {status, body}
const failures = new Map();      // client → [timestamps]

function validate(b) {
  const e = [];
  if (!['new_beneficiary', 'service', 'inquiry', 'suggestion', 'complaint'].includes(b.category)) e.push(err('invalid_category', 'category'));
  if (!['kiosk', 'web'].includes(b.channel)) e.push(err('invalid_channel', 'channel'));
  if (!str(b.name) || str(b.name).length > 200) e.push(err('required_name', 'name'));
  if (!mobileOf(b.mobile)) e.push(err('invalid_mobile', 'mobile'));
  if (b.email != null && b.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(str(b.email))) e.push(err('invalid_email', 'email'));
  else if (b.preferredContact === 'email' && !str(b.email)) e.push(err('required_email', 'email'));
  if (b.nationalId != null && b.nationalId !== '' && !/^\d{10}$/.test(ascii(b.nationalId))) e.push(err('invalid_national_id', 'nationalId'));
  if (!str(b.city)) e.push(err('required_city', 'city'));
  if (!str(b.description)) e.push(err('required_description', 'description'));
  else if (b.description.length > 2000) e.push(err('description_too_long', 'description'));
  if (!['sms', 'email'].includes(b.preferredContact)) e.push(err('invalid_preferred_contact', 'preferredContact'));
  if (!['ar', 'en'].includes(b.language)) e.push(err('invalid_language', 'language'));
  if (b.consent !== true) e.push(err('required_consent', 'consent'));
  if (b.onBehalf != null) {
    if (!str(b.onBehalf?.beneficiaryName)) e.push(err('required_beneficiary_name', 'onBehalf.beneficiaryName'));
    if (!str(b.onBehalf?.relationship)) e.push(err('required_relationship', 'onBehalf.relationship'));
  }
  return e;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

async function readJson(req) {
  const chunks = [];
  let size = 0;
  for await (const c of req) { size += c.length; if (size > 64 * 1024) throw new Error('too large'); chunks.push(c); }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function createRequest(req, res) {
  const key = req.headers['idempotency-key'];
  if (!key) return send(res, 400, { errors: [err('missing_idempotency_key')] });
  // A key already answered gets the same answer: a retry after a lost response, or a double tap,
  // returns the request that exists instead of creating a second one.
  if (idempotency.has(key)) { const r = idempotency.get(key); return send(res, r.status, r.body); }
  let b;
  try { b = await readJson(req); } catch { return send(res, 400, { errors: [err('invalid_json')] }); }
  if (!b || typeof b !== 'object') return send(res, 400, { errors: [err('invalid_json')] });
  const errors = validate(b);
  if (errors.length) return send(res, 400, { errors });
  let reference;
  do { reference = newReference(); } while (requests.has(reference));
  const now = new Date().toISOString();
  requests.set(reference, { ...b, reference, mobile: mobileOf(b.mobile), status: 'received', submittedAt: now, updatedAt: now,
    timeline: [{ at: now, status: 'received', statusLabel: LABELS.received }] });
  const body = { reference, status: 'received', submittedAt: now, nextSteps: {
    ar: 'سيتواصل معك موظف خدمة المستفيدين خلال يومي عمل. احتفظ بالرقم المرجعي لمتابعة طلبك.',
    en: 'A beneficiary-relations officer will contact you within two working days. Keep the reference to track your request.' } };
  idempotency.set(key, { status: 201, body });
  return send(res, 201, body);
}

async function lookup(req, res) {
  const client = req.socket.remoteAddress;
  const now = Date.now();
  const recent = (failures.get(client) || []).filter((t) => now - t < LOOKUP_WINDOW_S * 1000);
  failures.set(client, recent);
  if (recent.length >= LOOKUP_LIMIT) {
    const retry = Math.ceil((recent[0] + LOOKUP_WINDOW_S * 1000 - now) / 1000);
    return send(res, 429, { errors: [err('too_many_attempts')] }, { 'Retry-After': String(retry) });
  }
  let b;
  try { b = await readJson(req); } catch { return send(res, 400, { errors: [err('invalid_json')] }); }
  const errors = [];
  const ref = ascii(b?.reference).toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-Z0-9]{8}$/.test(ref)) errors.push(err('invalid_reference', 'reference'));
  const last4 = ascii(b?.mobileLast4).trim();
  if (!/^\d{4}$/.test(last4)) errors.push(err('invalid_mobile_last4', 'mobileLast4'));
  if (errors.length) return send(res, 400, { errors });
  const r = requests.get(`${ref.slice(0, 4)}-${ref.slice(4)}`);
  // Same 404 for "no such reference" and "wrong digits", so the answer reveals nothing.
  if (!r || !r.mobile.endsWith(last4)) { recent.push(now); return send(res, 404, { errors: [err('not_found')] }); }
  return send(res, 200, { reference: r.reference, category: r.category, status: r.status, statusLabel: LABELS[r.status],
    submittedAt: r.submittedAt, updatedAt: r.updatedAt, timeline: r.timeline });
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
  const { pathname } = new URL(req.url, 'http://x');
  if (req.method === 'POST' && pathname === '/requests') return void createRequest(req, res).catch(() => send(res, 500, { errors: [] }));
  if (req.method === 'POST' && pathname === '/requests/lookup') return void lookup(req, res).catch(() => send(res, 500, { errors: [] }));
  if (pathname.startsWith('/requests')) return send(res, 405, { errors: [err('not_found_route')] });
  if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(req, res);
  res.writeHead(405).end();
});
server.listen(PORT, '127.0.0.1', () => console.log(`mock API + site on http://127.0.0.1:${server.address().port}`));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
