// The browser half of TouchpointTimeline.razor: an ApexCharts range bar (rows = account · channel, x = time, each touch
// in its status colour). ApexCharts.js is the same file the shared chart component loads; a click on a touch calls SelectTouch in .NET.

const charts = new Map(); // id -> { element, chart?, model }

// One loader for the page (wwwroot/js/epic16.js), which a page with the timeline has already started.
function loadApexCharts(src) {
  return window.epic16.loadApexCharts(src);
}

function escapeHtml(text) {
  const div = document.createElement('div');
  div.textContent = text;
  return div.innerHTML;
}

function toApex(element, model, dotnet, canEdit) {
  const styles = getComputedStyle(element);
  // One series; each touch carries its status colour (the legend is drawn by the component, in HTML).
  const series = [{
    name: 'Touches',
    data: model.points.map(p => ({ x: p.row, y: [p.from, p.to], id: p.id, label: p.label, fillColor: styles.getPropertyValue(p.colorVariable).trim() || styles.color })),
  }];
  return {
    chart: {
      type: 'rangeBar', height: model.height, background: 'transparent', fontFamily: 'inherit', foreColor: styles.color,
      toolbar: { show: false }, zoom: { enabled: false }, animations: { enabled: false },
      events: {
        dataPointSelection: (event, context, config) => {
          const point = series[config.seriesIndex]?.data[config.dataPointIndex];
          if (point && canEdit) {
            dotnet.invokeMethodAsync('SelectTouch', point.id);
          }
        },
      },
    },
    series,
    plotOptions: { bar: { horizontal: true, rangeBarGroupRows: true, barHeight: '70%' } },
    xaxis: { type: 'datetime', labels: { datetimeUTC: true } },
    legend: { show: false },
    dataLabels: { enabled: false },
    states: { active: { filter: { type: 'none' } } },
    tooltip: { custom: ({ seriesIndex, dataPointIndex }) => `<div style="padding:6px 8px">${escapeHtml(series[seriesIndex].data[dataPointIndex].label)}</div>` },
    noData: { text: 'No dated touch on this page' },
  };
}

export async function create(element, id, scriptUrl, modelJson, dotnet, canEdit) {
  if (!element) {
    return; // the component left the page before its first render reached the browser: nothing to draw
  }
  const entry = { element, model: JSON.parse(modelJson), dotnet, canEdit };
  charts.set(id, entry);
  const ApexCharts = await loadApexCharts(scriptUrl);
  if (charts.get(id) !== entry || !element.isConnected) {
    return;
  }
  element.replaceChildren();
  entry.chart = new ApexCharts(element, toApex(element, entry.model, dotnet, canEdit));
  await entry.chart.render();
}

export async function update(id, modelJson) {
  const entry = charts.get(id);
  if (!entry) {
    return;
  }
  entry.model = JSON.parse(modelJson);
  if (entry.chart) {
    await entry.chart.updateOptions(toApex(entry.element, entry.model, entry.dotnet, entry.canEdit), true, false);
  }
}

export function destroy(id) {
  const entry = charts.get(id);
  charts.delete(id);
  entry?.chart?.destroy();
}
