/**
 * A dependency-free SVG line chart of engine time against workloads (build, every pair, total),
 * with the ordered-pair count on a second scale for reference.
 */

export interface PlotPoint {
  readonly workloads: number;
  readonly buildMs: number;
  readonly pairsMs: number;
  readonly totalMs: number;
  readonly pairs: number;
}

const W = 640;
const H = 360;
const M = { left: 64, right: 84, top: 44, bottom: 52 };

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A "nice" upper bound for an axis (1, 2, 2.5, 5 x 10^k). */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const exp = Math.pow(10, Math.floor(Math.log10(value)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * exp >= value) return m * exp;
  return 10 * exp;
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function fmtCount(n: number): string {
  return n >= 1e6 ? `${+(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${+(n / 1e3).toFixed(0)}k` : `${n}`;
}

export function engineSvg(points: readonly PlotPoint[], subtitle: string): string {
  const maxX = niceMax(Math.max(...points.map((p) => p.workloads)));
  const maxY = niceMax(Math.max(...points.map((p) => p.totalMs)));
  const maxP = niceMax(Math.max(...points.map((p) => p.pairs)));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const x = (v: number) => M.left + (v / maxX) * pw;
  const y = (v: number) => M.top + ph - (v / maxY) * ph;
  const yp = (v: number) => M.top + ph - (v / maxP) * ph;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${M.left}" y="20" font-size="15" font-weight="bold">cdk8s-netpol engine: every ordered pair</text>`);
  out.push(`<text x="${M.left}" y="36" fill="#555">${esc(subtitle)}</text>`);
  for (let i = 0; i <= 5; i++) {
    const vy = (maxY * i) / 5;
    out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${y(vy)}" y2="${y(vy)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${M.left - 6}" y="${y(vy) + 4}" text-anchor="end">${fmtMs(vy)}</text>`);
    const vp = (maxP * i) / 5;
    out.push(`<text x="${M.left + pw + 6}" y="${yp(vp) + 4}" fill="#999">${fmtCount(vp)}</text>`);
    const vx = (maxX * i) / 5;
    out.push(`<text x="${x(vx)}" y="${M.top + ph + 18}" text-anchor="middle">${fmtCount(vx)}</text>`);
  }
  out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${M.top + ph}" y2="${M.top + ph}" stroke="#333"/>`);
  out.push(`<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + ph}" stroke="#333"/>`);
  out.push(`<text x="${M.left + pw / 2}" y="${H - 12}" text-anchor="middle">workloads (about one policy per two workloads)</text>`);
  out.push(`<text transform="translate(16 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">time (median run)</text>`);
  out.push(`<text transform="translate(${W - 10} ${M.top + ph / 2}) rotate(90)" text-anchor="middle" fill="#999">ordered pairs</text>`);

  const series: { label: string; color: string; value: (p: PlotPoint) => number; scale: (v: number) => number; dash?: string }[] = [
    { label: 'total', color: '#1f5fbf', value: (p) => p.totalMs, scale: y },
    { label: 'every pair', color: '#d9822b', value: (p) => p.pairsMs, scale: y },
    { label: 'build model', color: '#2e8b57', value: (p) => p.buildMs, scale: y },
    { label: 'ordered pairs (right scale)', color: '#999999', value: (p) => p.pairs, scale: yp, dash: '4 3' },
  ];
  series.forEach((s, i) => {
    const pts = points.map((p) => `${x(p.workloads).toFixed(1)},${s.scale(s.value(p)).toFixed(1)}`).join(' ');
    out.push(`<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    for (const p of points) {
      out.push(`<circle cx="${x(p.workloads).toFixed(1)}" cy="${s.scale(s.value(p)).toFixed(1)}" r="3" fill="${s.color}"/>`);
    }
    const ly = M.top + 8 + i * 16;
    out.push(`<line x1="${M.left + 12}" x2="${M.left + 32}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    out.push(`<text x="${M.left + 38}" y="${ly + 4}">${esc(s.label)}</text>`);
  });
  for (const p of points) {
    out.push(`<text x="${x(p.workloads).toFixed(1)}" y="${(y(p.totalMs) - 8).toFixed(1)}" text-anchor="middle" fill="#1f5fbf">${fmtMs(p.totalMs)}</text>`);
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
