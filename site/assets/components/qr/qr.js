// A small QR Code encoder (ISO/IEC 18004): byte mode, error correction level M, versions 1–10
// (up to 213 bytes: any tracking link fits with room to spare). Written for the kiosk so the code is
// drawn on the tablet itself: no network service ever sees a visitor's reference.
// Structure follows the standard's own order: data → codewords → Reed–Solomon blocks → interleave →
// function patterns → zig-zag placement → the mask with the lowest penalty → format/version bits.

// Level M per version: [error-correction codewords per block, data codewords of each block].
const BLOCKS_M = [null,
  [10, [16]], [16, [28]], [26, [44]], [18, [32, 32]], [24, [43, 43]],
  [16, [27, 27, 27, 27]], [18, [31, 31, 31, 31]], [22, [38, 38, 39, 39]],
  [22, [36, 36, 36, 37, 37]], [26, [43, 43, 43, 43, 44]]];
const ALIGN = [null, [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]];

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) { EXP[i] = x; LOG[x] = i; x <<= 1; if (x & 0x100) x ^= 0x11d; }
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
const mul = (a, b) => (a && b ? EXP[LOG[a] + LOG[b]] : 0);

function rsRemainder(data, degree) {
  let gen = [1]; // ∏ (x − α^i), highest power first
  for (let i = 0; i < degree; i++) {
    const next = new Array(gen.length + 1).fill(0);
    gen.forEach((g, j) => { next[j] ^= g; next[j + 1] ^= mul(g, EXP[i]); });
    gen = next;
  }
  const rem = new Array(degree).fill(0);
  for (const b of data) {
    const factor = b ^ rem.shift();
    rem.push(0);
    for (let i = 0; i < degree; i++) rem[i] ^= mul(gen[i + 1], factor);
  }
  return rem;
}

function codewords(bytes, version) {
  const [ecLen, blockSizes] = BLOCKS_M[version];
  const capacity = blockSizes.reduce((a, b) => a + b, 0);
  const bits = [];
  const put = (value, n) => { for (let i = n - 1; i >= 0; i--) bits.push((value >>> i) & 1); };
  put(0b0100, 4); // byte mode
  put(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacity * 8 - bits.length)); // terminator
  while (bits.length % 8) bits.push(0);
  for (let pad = 0xec; bits.length < capacity * 8; pad ^= 0xec ^ 0x11) put(pad, 8);
  const data = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  const blocks = [];
  let offset = 0;
  for (const size of blockSizes) {
    const d = data.slice(offset, offset += size);
    blocks.push({ d, e: rsRemainder(d, ecLen) });
  }
  const out = [];
  const longest = Math.max(...blockSizes);
  for (let i = 0; i < longest; i++) for (const b of blocks) if (i < b.d.length) out.push(b.d[i]);
  for (let i = 0; i < ecLen; i++) for (const b of blocks) out.push(b.e[i]);
  return out;
}

function bch(value, poly, polyBits) {
  let v = value << (polyBits - 1);
  for (let i = 31 - Math.clz32(v); i >= polyBits - 1; i--) if ((v >>> i) & 1) v ^= poly << (i - polyBits + 1);
  return (value << (polyBits - 1)) | v;
}

const MASKS = [
  (r, c) => (r + c) % 2 === 0, (r) => r % 2 === 0, (r, c) => c % 3 === 0, (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0, (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0, (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

function penalty(m) {
  const n = m.length;
  let score = 0;
  const lines = [];
  for (let i = 0; i < n; i++) { lines.push(m[i]); lines.push(m.map((row) => row[i])); }
  for (const line of lines) {
    for (let i = 0, run = 1; i < n; i++) { // N1: runs of five or more
      if (i + 1 < n && line[i + 1] === line[i]) run++;
      else { if (run >= 5) score += run - 2; run = 1; }
    }
    const s = line.map(Number).join(''); // N3: finder-like 1:1:3:1:1 with four light modules beside
    for (const p of ['10111010000', '00001011101']) for (let i = s.indexOf(p); i >= 0; i = s.indexOf(p, i + 1)) score += 40;
  }
  let dark = 0;
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {
    if (m[r][c]) dark++;
    if (r + 1 < n && c + 1 < n && m[r][c] === m[r + 1][c] && m[r][c] === m[r][c + 1] && m[r][c] === m[r + 1][c + 1]) score += 3; // N2
  }
  return score + Math.floor(Math.abs(dark * 20 - n * n * 10) / (n * n)) * 10; // N4
}

/** Returns the module matrix (array of rows of booleans, true = dark) for `text` (UTF-8). */
export function qrMatrix(text) {
  const bytes = new TextEncoder().encode(text);
  let version = 1;
  while (version <= 10 && BLOCKS_M[version][1].reduce((a, b) => a + b, 0) - (version < 10 ? 2 : 3) < bytes.length) version++;
  if (version > 10) throw new RangeError('QR: text too long for version 10-M');
  const n = version * 4 + 17;
  const m = Array.from({ length: n }, () => new Array(n).fill(false));
  const fn = Array.from({ length: n }, () => new Array(n).fill(false)); // function modules (never masked)
  const set = (r, c, dark) => { m[r][c] = dark; fn[r][c] = true; };

  for (const [r0, c0] of [[0, 0], [0, n - 7], [n - 7, 0]]) { // finders + separators
    for (let r = -1; r <= 7; r++) for (let c = -1; c <= 7; c++) {
      const rr = r0 + r, cc = c0 + c;
      if (rr < 0 || cc < 0 || rr >= n || cc >= n) continue;
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
      set(rr, cc, ring !== 2 && ring !== 4);
    }
  }
  for (let i = 8; i < n - 8; i++) { set(6, i, i % 2 === 0); set(i, 6, i % 2 === 0); } // timing
  const al = ALIGN[version];
  al.forEach((r, ri) => al.forEach((c, ci) => {
    const last = al.length - 1;
    if ((ri === 0 && ci === 0) || (ri === 0 && ci === last) || (ri === last && ci === 0)) return; // finder corners
    for (let dr = -2; dr <= 2; dr++) for (let dc = -2; dc <= 2; dc++) set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
  }));
  // Reserve format (and version) areas; the real bits are written after masking.
  const drawFormat = (mask) => {
    const bits = bch((0b00 << 3) | mask, 0x537, 11) ^ 0x5412; // level M = 00
    const bit = (i) => ((bits >>> i) & 1) === 1;
    // (row, column): around the top-left finder, then split between the other two finders.
    for (let i = 0; i <= 5; i++) set(i, 8, bit(i));
    set(7, 8, bit(6)); set(8, 8, bit(7)); set(8, 7, bit(8));
    for (let i = 9; i < 15; i++) set(8, 14 - i, bit(i));
    for (let i = 0; i < 8; i++) set(8, n - 1 - i, bit(i));
    for (let i = 8; i < 15; i++) set(n - 15 + i, 8, bit(i));
    set(n - 8, 8, true); // the dark module
  };
  drawFormat(0);
  if (version >= 7) {
    const bits = bch(version, 0x1f25, 13);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = n - 11 + (i % 3), b = Math.floor(i / 3);
      set(a, b, dark); set(b, a, dark);
    }
  }

  const data = codewords(bytes, version);
  let i = 0;
  for (let right = n - 1; right >= 1; right -= 2) { // zig-zag, two columns at a time, skipping the timing column
    if (right === 6) right = 5;
    for (let vert = 0; vert < n; vert++) for (let j = 0; j < 2; j++) {
      const c = right - j;
      const upward = ((right + 1) & 2) === 0;
      const r = upward ? n - 1 - vert : vert;
      if (fn[r][c]) continue;
      if (i < data.length * 8) m[r][c] = ((data[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
      i++;
    }
  }

  let best = null;
  for (let mask = 0; mask < 8; mask++) {
    const trial = m.map((row, r) => row.map((v, c) => (fn[r][c] ? v : v !== MASKS[mask](r, c))));
    const saved = m.map((row) => row.slice());
    for (let r = 0; r < n; r++) m[r] = trial[r];
    drawFormat(mask);
    const score = penalty(m);
    if (!best || score < best.score) best = { score, matrix: m.map((row) => row.slice()) };
    for (let r = 0; r < n; r++) m[r] = saved[r];
  }
  return best.matrix;
}

/** An SVG element drawing `text` as a QR code with a 4-module quiet zone; `label` is its accessible name. */
export function qrSvg(text, label) {
  const matrix = qrMatrix(text);
  const size = matrix.length + 8;
  let d = '';
  matrix.forEach((row, r) => row.forEach((dark, c) => { if (dark) d += `M${c + 4} ${r + 4}h1v1h-1z`; }));
  const NS = 'http://www.w3.org/2000/svg';
  const $svg = document.createElementNS(NS, 'svg');
  $svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  $svg.setAttribute('class', 'mf-qr');
  $svg.setAttribute('role', 'img');
  $svg.setAttribute('aria-label', label);
  $svg.setAttribute('shape-rendering', 'crispEdges');
  const $bg = document.createElementNS(NS, 'rect');
  $bg.setAttribute('width', String(size));
  $bg.setAttribute('height', String(size));
  $bg.setAttribute('fill', '#ffffff');
  const $path = document.createElementNS(NS, 'path');
  $path.setAttribute('d', d);
  $path.setAttribute('fill', '#000000');
  $svg.append($bg, $path);
  return $svg;
}
