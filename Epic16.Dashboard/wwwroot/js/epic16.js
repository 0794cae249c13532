// Small browser helpers called from Blazor through IJSRuntime.
window.epic16 = {
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
