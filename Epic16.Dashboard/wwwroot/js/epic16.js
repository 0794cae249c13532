// Small browser helpers called from Blazor through IJSRuntime.
window.epic16 = {
  // ApexCharts, one script for the page, shared by the chart modules (ApexChart.razor.js, TouchpointTimeline.razor.js).
  // A failed load is forgotten, so a later chart tries again with a new script element. The failed element stays: it may
  // sit next to the head content Blazor renders (HeadOutlet), which can use it as the place to insert before, and removing
  // it broke the circuit ("Cannot read properties of null (reading 'insertBefore')").
  loadApexCharts: function (src) {
    if (window.ApexCharts) {
      return Promise.resolve(window.ApexCharts);
    }
    if (!this.apexLoading) {
      this.apexLoading = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.dataset.apexcharts = '';
        script.addEventListener('load', () => resolve(window.ApexCharts), { once: true });
        script.addEventListener('error', () => {
          this.apexLoading = undefined;
          reject(new Error(`ApexCharts could not be loaded from ${src}`));
        }, { once: true });
        document.head.appendChild(script);
      });
    }
    return this.apexLoading;
  },

  // Saves text produced on the server (CSV, Markdown) as a file download.
  downloadText: function (fileName, mimeType, content) {
    const blob = new Blob([content], { type: mimeType });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },

  // Moves keyboard focus to the first element matching the selector inside a component's element (e.g. a menu's button).
  // Focuses the element matching the selector once it is in the page (it may be drawn a moment later). Only takes focus
  // that is nowhere (on the body), so it never pulls focus out of a dialog; tries for about a second.
  focusWhenFree: function (selector) {
    let tries = 0;
    const attempt = () => {
      const free = !document.activeElement || document.activeElement === document.body;
      const target = document.querySelector(selector);
      if (free && target) {
        target.focus();
      }
      if ((!target || document.activeElement !== target) && free && ++tries < 10) {
        setTimeout(attempt, 100);
      }
    };
    setTimeout(attempt, 0);
  }
};

// A page whose prerendered HTML has a chart starts loading ApexCharts now, while the circuit starts, instead of after the
// chart's first interactive render (the script is 576 KB to parse). A failure here is reported by the chart that needs it.
(() => {
  const chart = document.querySelector('[data-apexcharts-src]');
  if (chart) {
    window.epic16.loadApexCharts(chart.dataset.apexchartsSrc).catch(() => { });
  }
})();
