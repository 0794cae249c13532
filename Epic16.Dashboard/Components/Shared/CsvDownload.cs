using Microsoft.JSInterop;

namespace Epic16.Dashboard.Components.Shared;

public static class CsvDownload
{
    public static ValueTask DownloadCsvAsync(this IJSRuntime js, string fileName, string csv) =>
        js.InvokeVoidAsync("epic16.downloadText", fileName, "text/csv;charset=utf-8", csv);
}
