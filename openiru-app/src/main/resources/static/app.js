// OpenIRU page behaviour. Kept in a file (no inline scripts: the Content-Security-Policy forbids them).
document.addEventListener('click', (event) => {
  // Media under review stay blurred and grey until the analyst asks to see one; a second click hides it.
  const media = event.target.closest('.reveal')?.querySelector('.media-guard')
    ?? event.target.closest('img.media-guard');
  if (media) {
    // On the review desk one item at a time is shown: revealing one hides the others.
    if (!media.classList.contains('revealed')) {
      media.closest('[data-one-reveal]')?.querySelectorAll('.media-guard.revealed')
        .forEach((other) => other.classList.remove('revealed'));
    }
    media.classList.toggle('revealed');
    return;
  }
  const copy = event.target.closest('[data-copy-target]');
  if (copy) {
    const source = document.querySelector(copy.dataset.copyTarget);
    if (source && navigator.clipboard) {
      navigator.clipboard.writeText(source.textContent);
    }
  }
});
// A blurred video is revealed by its first play, unless it plays by itself (the autoplay-muted setting).
document.addEventListener('play', (event) => {
  if (event.target.classList?.contains('media-guard') && !event.target.autoplay) {
    event.target.classList.add('revealed');
  }
}, true);
// Review desk keys (listed on the case page, shown with "?"): an element with data-key="x" is chosen by
// pressing x: a radio or checkbox is toggled, a button clicked; data-focus names a field to go to next. Keys do
// nothing while typing in a field; Esc leaves the field.
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  const field = event.target.closest?.('input[type=text], input:not([type]), input[type=date], input[type=number], textarea, select');
  if (field) {
    if (event.key === 'Escape') {
      field.blur();
    }
    return;
  }
  if (event.key === '?') {
    document.querySelectorAll('[data-shortcuts-help]').forEach((help) => { help.hidden = !help.hidden; });
    return;
  }
  const target = document.querySelector(`[data-key="${CSS.escape(event.key)}"]`);
  if (!target || !document.querySelector('[data-shortcuts]')) {
    return;
  }
  event.preventDefault();
  if (target.type === 'radio') {
    target.checked = true;
  } else if (target.type === 'checkbox') {
    target.checked = !target.checked;
  } else {
    target.click();
  }
  if (target.dataset.focus) {
    document.getElementById(target.dataset.focus)?.focus();
  }
});
// Statistics and action-day charts (uPlot, loaded by the pages that have charts). Each figure carries its data in
// data-chart (periods as x, one series per platform or measure); data-chart-value picks the measure. The tables
// near the charts hold the same numbers for readers who cannot see them. The action-day board replaces its
// figures every few seconds (htmx): the new figures are drawn when they have settled.
function drawCharts(root) {
  if (typeof window.uPlot !== 'function') {
    return;
  }
  const colours = ['#0b5cad', '#a4161a', '#1b6e3a', '#8a5a00', '#6a3d9a', '#00838f', '#5b6672', '#c2185b', '#33691e'];
  root.querySelectorAll('figure.chart[data-chart]').forEach((figure) => {
    const data = JSON.parse(figure.dataset.chart);
    const value = figure.dataset.chartValue;
    const unit = figure.dataset.chartUnit;
    const series = [{}].concat(data.series.map((s, i) => ({
      label: s.label, stroke: colours[i % colours.length], width: 2, spanGaps: true,
      value: (u, v) => (v == null ? '–' : `${v} ${unit}`),
    })));
    const columns = [data.x].concat(data.series.map((s) => s[value]));
    const width = Math.max(280, Math.min(figure.clientWidth || 600, 900));
    // eslint-disable-next-line no-new
    new window.uPlot({ width, height: 260, series, axes: [{}, { values: (u, ticks) => ticks.map((t) => `${t} ${unit}`) }],
      scales: { x: { time: true } } }, columns, figure);
  });
}
document.addEventListener('DOMContentLoaded', () => drawCharts(document));
document.addEventListener('htmx:afterSettle', (event) => drawCharts(event.detail.elt));
// Removal orders: the one-hour countdown. The server gives the deadline and its own time (data-server-now), so the
// count follows the server's clock even when the browser's is off; the text is redrawn every second.
document.querySelectorAll('time[data-countdown]').forEach((el) => {
  const deadline = Date.parse(el.dataset.countdown);
  const skew = Date.parse(el.dataset.serverNow) - Date.now();
  const pad = (n) => String(n).padStart(2, '0');
  const draw = () => {
    const left = deadline - (Date.now() + skew);
    if (left <= 0) {
      el.textContent = el.dataset.expired;
      el.closest('.order-clock')?.classList.add('order-clock-expired');
      return false;
    }
    const s = Math.floor(left / 1000);
    el.textContent = `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
    return true;
  };
  if (draw()) {
    const timer = setInterval(() => { if (!draw()) { clearInterval(timer); } }, 1000);
  }
});
