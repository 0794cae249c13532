// The browser half of ApexChart.razor: loads ApexCharts once, and creates, updates and destroys charts by id.
// Options arrive as JSON from C# (ApexChartConfig); the formatters, which JSON cannot carry, are built here.
// ApexCharts 4.7 writes tooltip titles, series names in tooltips and legend texts with innerHTML, so every text formatter
// here escapes markup: a company or campaign called "<img onerror=…>" shows as those characters. Axis labels and the title
// are SVG text nodes (svg.js tspan), which are text already; escaping them would show "&lt;".

const charts = new Map(); // id -> { element, options, series, chart? }

// One loader for the page (wwwroot/js/epic16.js), which a chart page has already started.
function loadApexCharts(src) {
  return window.epic16.loadApexCharts(src);
}

const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeMarkup(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => entities[c]);
}

function numberFormat(kind, currency, compact) {
  const locale = document.documentElement.lang || undefined;
  const notation = compact ? 'compact' : 'standard';
  let format;
  switch (kind) {
    case 'money':
      format = new Intl.NumberFormat(locale, { style: 'currency', currency, notation, maximumFractionDigits: compact ? 1 : 0 });
      return v => (v == null ? '' : format.format(v));
    case 'percent':
      format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
      return v => (v == null ? '' : format.format(v / 100));
    default:
      format = new Intl.NumberFormat(locale, { notation, maximumFractionDigits: compact ? 1 : 2 });
      return v => (v == null ? '' : format.format(v));
  }
}

// True when the text colour is light, i.e. the page is in dark mode.
function isLight(color) {
  const rgb = color.match(/\d+(\.\d+)?/g)?.map(Number) ?? [0, 0, 0];
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] > 140;
}

function toApex(element, optionsJson, seriesJson) {
  const { epic16, ...options } = JSON.parse(optionsJson);
  options.series = JSON.parse(seriesJson);
  const axis = numberFormat(epic16.valueFormat, epic16.currency, true);
  const full = numberFormat(epic16.valueFormat, epic16.currency, false);

  // Follow the MudBlazor theme the chart sits in (text colour; faint grid lines and tracks in dark mode). ApexCharts' own
  // dark mode is not used: it swaps the series palette, and the same data would change colour with the theme.
  const color = getComputedStyle(element).color;
  const mode = isLight(color) ? 'dark' : 'light';
  options.chart.foreColor ??= color;
  if (mode === 'dark') {
    options.grid = { ...options.grid, borderColor: 'rgba(255, 255, 255, 0.12)' };
    // The pages' series colours are picked for a light surface; on a dark one they would fall under the 3:1 that
    // WCAG 1.4.11 asks of graphics. Lighten them (same hue, so a series keeps its identity across modes).
    options.colors = options.colors?.map(c => lighten(c, 0.45));
  }
  const datetime = options.xaxis?.type === 'datetime';
  const seriesTitle = { formatter: name => (name ? `${escapeMarkup(name)}: ` : '') };
  // A chart with a secondary axis names a format per series: each series' tooltip value and axis use its own.
  const perSeries = epic16.seriesFormats?.map(f => numberFormat(f, epic16.currency, false));
  options.tooltip = {
    ...options.tooltip,
    theme: mode,
    y: perSeries ? perSeries.map(formatter => ({ formatter, title: seriesTitle })) : { formatter: full, title: seriesTitle },
    // A datetime axis's tooltip title is a date ApexCharts formats itself; a category is the page's text.
    ...(datetime ? {} : { x: { formatter: escapeMarkup } }),
  };
  options.legend = { ...options.legend, formatter: escapeMarkup };
  if (options.xaxis && !datetime) {
    options.xaxis = { ...options.xaxis, tooltip: { ...options.xaxis.tooltip, formatter: escapeMarkup } };
  }

  const type = options.chart.type;
  if (type === 'radialBar') {
    const track = mode === 'dark' ? { background: 'rgba(255, 255, 255, 0.12)' } : {};
    options.plotOptions = { radialBar: { track, dataLabels: { value: { formatter: full } } } };
  } else if (Array.isArray(options.yaxis)) {
    options.yaxis = options.yaxis.map((y, i) => ({
      ...y,
      labels: { ...y.labels, formatter: numberFormat(epic16.seriesFormats?.[i] ?? epic16.valueFormat, epic16.currency, true) },
    }));
  } else if (type !== 'donut' && type !== 'pie') {
    // Horizontal bars put the values on the x-axis.
    const valueAxis = epic16.valuesOnXAxis ? 'xaxis' : 'yaxis';
    options[valueAxis] = { ...options[valueAxis], labels: { ...options[valueAxis]?.labels, formatter: axis } };
  }
  return options;
}

function lighten(color, amount) {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (!hex) {
    return color;
  }
  const channels = [0, 2, 4].map(i => parseInt(hex[1].slice(i, i + 2), 16));
  return '#' + channels.map(c => Math.round(c + (255 - c) * amount).toString(16).padStart(2, '0')).join('');
}

function sweepDetached() {
  // After a new circuit (resume, reload of the component tree) the old components never said goodbye: free their charts.
  for (const [id, entry] of charts) {
    if (!entry.element?.isConnected) {
      entry.chart?.destroy();
      charts.delete(id);
    }
  }
}

export async function create(element, id, scriptUrl, optionsJson, seriesJson) {
  sweepDetached();
  if (!element) {
    // The component left the page before its first render reached the browser (the user navigated on at once): its element
    // is gone, so there is nothing to draw, and no entry is kept (one with no element broke every later create in the tab).
    return;
  }
  const entry = { element, options: optionsJson, series: seriesJson };
  charts.set(id, entry);
  const ApexCharts = await loadApexCharts(scriptUrl);
  if (charts.get(id) !== entry || !element.isConnected) {
    return; // destroyed while ApexCharts was loading
  }
  element.replaceChildren(); // a chart left by an earlier circuit in a reused element
  entry.chart = new ApexCharts(element, toApex(element, entry.options, entry.series));
  await entry.chart.render();
}

// optionsJson is null when only the data changed.
export async function update(id, optionsJson, seriesJson) {
  const entry = charts.get(id);
  if (!entry) {
    return;
  }
  entry.series = seriesJson;
  entry.options = optionsJson ?? entry.options;
  if (!entry.chart) {
    return; // still loading: create() renders the latest options
  }
  if (optionsJson) {
    await entry.chart.updateOptions(toApex(entry.element, entry.options, entry.series), false, true);
  } else {
    await entry.chart.updateSeries(JSON.parse(seriesJson), true);
  }
}

export function destroy(id) {
  const entry = charts.get(id);
  charts.delete(id);
  entry?.chart?.destroy();
}

// The chart's own PNG or SVG download (ApexCharts' toolbar is off: its menu cannot be reached by keyboard, and its CSV
// export does not neutralise formulas; the product's grids export CSV through CsvDownload).
export async function download(id, kind, fileName) {
  const chart = charts.get(id)?.chart;
  if (!chart) {
    return false;
  }
  let url;
  if (kind === 'svg') {
    url = URL.createObjectURL(new Blob([await chart.getSvgString()], { type: 'image/svg+xml;charset=utf-8' }));
  } else {
    url = (await chart.dataURI()).imgURI;
  }
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileName}.${kind}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  if (kind === 'svg') {
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
  return true;
}
