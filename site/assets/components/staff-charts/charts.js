// Accessible inline SVG charts for the manager reports, each paired with a real <table> holding
// the same numbers. The SVG is one image to assistive technology (role="img", named by the
// section's heading and a one-sentence summary through aria-labelledby); the table is the
// alternative that screen-reader, keyboard and low-vision users actually read (WCAG 1.1.1, 1.3.1).
// Values are printed next to each bar and point, so nothing depends on colour (1.4.1); bars and the
// line use the brand colour, ≥ 3:1 against white (1.4.11). In Arabic the inline axis runs
// right-to-left: bars grow from the right and months run from right to left, the reading order.
const SVG = 'http://www.w3.org/2000/svg';

const svgEl = (tag, attrs = {}, text) => {
  const $e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) $e.setAttribute(k, String(v));
  if (text != null) $e.textContent = String(text);
  return $e;
};
const html = (tag, props = {}, ...children) => {
  const $e = Object.assign(document.createElement(tag), props);
  $e.append(...children.filter((c) => c != null));
  return $e;
};
const rtl = () => document.documentElement.dir === 'rtl';

function frame(id, width, height) {
  return svgEl('svg', {
    xmlns: SVG, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`,
    class: 'mf-chart__svg', focusable: 'false', 'data-chart-svg': id,
    // Coordinates and text-anchor are computed for each direction below; a `direction: rtl`
    // inherited from the page would flip every anchor a second time.
    direction: 'ltr',
  });
}

/**
 * Horizontal bars. rows: [{label, value, valueText}]. The label column sits at the inline start,
 * bars grow towards the inline end, each value printed at the bar's end.
 */
export function barChart({ id, rows, max }) {
  const W = 640, labelW = 200, valueW = 70, rowH = 36, pad = 8;
  const H = rows.length * rowH + pad * 2;
  const top = Math.max(max ?? 0, ...rows.map((r) => r.value), 1);
  const $svg = frame(id, W, H);
  const flip = rtl();
  const span = W - labelW - valueW;
  const x = (v) => (flip ? W - v : v); // inline-start offset → SVG x
  rows.forEach((r, i) => {
    const y = pad + i * rowH;
    const len = Math.max(r.value > 0 ? 2 : 0, (r.value / top) * span);
    $svg.append(svgEl('text', { x: x(pad), y: y + rowH / 2, 'dominant-baseline': 'middle', 'text-anchor': flip ? 'end' : 'start', class: 'mf-chart__label' }, r.label));
    const x0 = flip ? W - labelW - len : labelW;
    $svg.append(svgEl('rect', { x: x0, y: y + 6, width: len, height: rowH - 12, class: 'mf-chart__bar', rx: 2 }));
    $svg.append(svgEl('text', { x: x(labelW + len + 6), y: y + rowH / 2, 'dominant-baseline': 'middle', 'text-anchor': flip ? 'end' : 'start', class: 'mf-chart__value' }, r.valueText));
  });
  $svg.append(svgEl('line', { x1: x(labelW), x2: x(labelW), y1: pad / 2, y2: H - pad / 2, class: 'mf-chart__axis' }));
  return $svg;
}

/** A line over time, 0–100 %. points: [{label, value (0..1), valueText}], oldest first. */
export function lineChart({ id, points }) {
  const W = 640, H = 260, padX = 40, top = 30, bottom = 50;
  const $svg = frame(id, W, H);
  const flip = rtl();
  const plotH = H - top - bottom;
  const n = points.length;
  const xAt = (i) => { const v = n === 1 ? W / 2 : padX + (i * (W - 2 * padX)) / (n - 1); return flip ? W - v : v; };
  const yAt = (v) => top + (1 - Math.min(1, Math.max(0, v))) * plotH;
  for (const g of [0, 0.5, 1]) {
    $svg.append(svgEl('line', { x1: padX / 2, x2: W - padX / 2, y1: yAt(g), y2: yAt(g), class: g === 0 ? 'mf-chart__axis' : 'mf-chart__grid' }));
  }
  if (n > 1) $svg.append(svgEl('polyline', { points: points.map((p, i) => `${xAt(i)},${yAt(p.value)}`).join(' '), class: 'mf-chart__line' }));
  const every = n > 8 ? Math.ceil(n / 6) : 1; // month names need room: label a subset, the table has all
  points.forEach((p, i) => {
    $svg.append(svgEl('circle', { cx: xAt(i), cy: yAt(p.value), r: 5, class: 'mf-chart__point' }));
    $svg.append(svgEl('text', { x: xAt(i), y: yAt(p.value) - 12, 'text-anchor': 'middle', class: 'mf-chart__value' }, p.valueText));
    if (i % every === 0 || i === n - 1) {
      $svg.append(svgEl('text', { x: xAt(i), y: H - bottom + 24, 'text-anchor': 'middle', class: 'mf-chart__label' }, p.label));
    }
  });
  return $svg;
}

/**
 * A chart section: heading, one-sentence summary, the SVG, and the data table.
 * columns: [header, …]; rows: [[cell, …], …] (the first cell is the row header).
 */
export function chartSection({ id, title, summary, svg, caption, columns, rows, empty }) {
  const $section = html('section', { className: 'mf-chart', id });
  $section.setAttribute('aria-labelledby', `${id}-title`);
  $section.append(html('h3', { id: `${id}-title`, className: 'mf-chart__title', textContent: title }));
  if (empty) {
    $section.append(html('p', { className: 'mf-chart__empty', textContent: empty }));
    return $section;
  }
  $section.append(html('p', { id: `${id}-desc`, className: 'mf-chart__desc', textContent: summary }));
  // The chart takes the width; its table sits beside it on a wide screen, under it on a narrow one.
  // No chart (every month too small to judge) leaves the table alone.
  $section.append(html('div', { className: 'mf-chart__body' }, ...[svg, dataTable({ caption, columns, rows })].filter(Boolean)));
  return $section;
}

/**
 * A data table with a caption and column headers; the first rowHeaders cells of each row are its
 * row headers (two where a row is named by two things, e.g. channel and provider: screen readers
 * then say both with every figure of the row).
 */
export function dataTable({ caption, columns, rows, rowHeaders = 1 }) {
  const $table = html('table', { className: 'mf-staff-table mf-chart__table' });
  $table.append(html('caption', { textContent: caption }));
  const $head = html('tr', {}, ...columns.map((c) => { const $th = html('th', { textContent: c }); $th.scope = 'col'; return $th; }));
  $table.append(html('thead', {}, $head));
  $table.append(html('tbody', {}, ...rows.map((cells) => html('tr', {}, ...cells.map((c, i) => {
    const $c = html(i < rowHeaders ? 'th' : 'td', { textContent: c });
    if (i < rowHeaders) $c.scope = 'row';
    return $c;
  })))));
  return $table;
}
