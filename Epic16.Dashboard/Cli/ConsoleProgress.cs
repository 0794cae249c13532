using Epic16.Domain.StoreMigration;

namespace Epic16.Dashboard.Cli;

/// <summary>A live per-table line (rows, rows/s) on the terminal; one line per finished table when output is redirected.</summary>
public sealed class ConsoleProgress(TextWriter error) : IProgress<TableProgress>
{
    private readonly bool _live = !Console.IsErrorRedirected;
    private string? _table;
    private TableProgress? _last;

    public void Report(TableProgress value)
    {
        lock (error)
        {
            if (_table is not null && _table != value.LegacyTable)
            {
                Flush();
            }

            _table = value.LegacyTable;
            _last = value;
            if (_live)
            {
                error.Write($"\r{Line(value)}   ");
            }
        }
    }

    public void Finish()
    {
        lock (error)
        {
            Flush();
            _table = null;
        }
    }

    private void Flush()
    {
        if (_last is null)
        {
            return;
        }

        error.Write(_live ? $"\r{Line(_last)}   \n" : Line(_last) + "\n");
        _last = null;
    }

    private static string Line(TableProgress p) =>
        $"[{p.TableIndex + 1,2}/{p.TableCount}] {p.LegacyTable,-20} {p.RowsRead,10:N0}/{p.TotalRows:N0} rows {p.RowsPerSecond,10:N0} rows/s {(p.Quarantined > 0 ? $"{p.Quarantined:N0} quarantined" : "")}";
}
