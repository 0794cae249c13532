using System.Globalization;
using System.Text;

namespace Epic16.Dashboard.Components.Shared;

/// <summary>CSV for every grid's export: RFC 4180 quoting, and cells that a spreadsheet would run as a formula are defused.</summary>
public static class CsvFile
{
    public static string Write<T>(IEnumerable<T> rows, params (string Header, Func<T, object?> Value)[] columns)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(c => Escape(c.Header))).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', columns.Select(c => Escape(Format(c.Value(row))))).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Writes the header and then each row as it arrives; returns the number of rows written.</summary>
    public static async Task<int> WriteAsync<T>(TextWriter writer, IAsyncEnumerable<T> rows, IReadOnlyList<(string Header, Func<T, object?> Value)> columns, CancellationToken ct = default)
    {
        await writer.WriteAsync(string.Join(',', columns.Select(c => Escape(c.Header))) + "\r\n");
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteAsync(string.Join(',', columns.Select(c => Escape(Format(c.Value(row))))) + "\r\n");
            count++;
        }

        return count;
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Escape(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
