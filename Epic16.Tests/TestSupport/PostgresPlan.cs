using Npgsql;

namespace Epic16.Tests.TestSupport;

/// <summary>
/// PostgreSQL's plan for a query EF wrote (<c>ToQueryString</c> of a query without parameters), with sequential scans
/// switched off: on a test's few rows the planner would scan the table, so this shows whether an index can serve the query.
/// </summary>
public static class PostgresPlan
{
    public static async Task<string> ExplainAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        return string.Join("\n", plan);
    }
}
