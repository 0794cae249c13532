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
  }
};
