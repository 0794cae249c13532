using System.Globalization;

namespace Epic16.Domain.Persistence.Legacy;

/// <summary>
/// Reads the textual timestamp forms the legacy application wrote over its life:
/// <c>YYYY-MM-DD[ T]HH:MM:SS[.ffffff][Z|±HH:MM]</c>. Hand-written rather than TryParseExact so a
/// rejection can say what is wrong (day 30 of February, month 13, …) and so nothing looser
/// (culture formats, two-digit years) slips in.
/// </summary>
internal static class LegacyTimestampText
{
    // PostgreSQL timestamptz keeps microseconds: a seventh digit would be rounded away silently.
    private const int MaxFractionDigits = 6;

    // The widest offset DateTimeOffset accepts, and wider than any real time zone.
    private const int MaxOffsetMinutes = 14 * 60;

    /// <summary>Reads a date <c>YYYY-MM-DD</c> at the start of <paramref name="s"/>.</summary>
    public static bool TryReadDate(string s, out DateOnly date, out string? error)
    {
        date = default;
        if (s.Length < 10 || !Digits(s, 0, 4) || s[4] != '-' || !Digits(s, 5, 2) || s[7] != '-' || !Digits(s, 8, 2))
        {
            error = "expected a date YYYY-MM-DD";
            return false;
        }

        var year = Number(s, 0, 4);
        var month = Number(s, 5, 2);
        var day = Number(s, 8, 2);
        if (year < 1)
        {
            error = "year 0000 does not exist";
            return false;
        }

        if (month is < 1 or > 12)
        {
            error = $"month {month} does not exist";
            return false;
        }

        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > daysInMonth)
        {
            error = $"day {day} does not exist in {year:D4}-{month:D2} (it has {daysInMonth} days)";
            return false;
        }

        date = new DateOnly(year, month, day);
        error = null;
        return true;
    }

    /// <summary>
    /// Reads a full timestamp. <paramref name="utc"/> is the instant in UTC (a value without an
    /// offset is UTC); <paramref name="writtenDate"/> is the calendar date as written, before any
    /// offset is applied, which is what a date column holding a timestamp means.
    /// </summary>
    public static bool TryRead(string s, out DateTime utc, out DateOnly writtenDate, out string? error)
    {
        utc = default;
        if (!TryReadDate(s, out writtenDate, out error))
        {
            return false;
        }

        if (s.Length == 10)
        {
            error = "a date without a time of day";
            return false;
        }

        if (s[10] is not (' ' or 'T') || s.Length < 19 || !Digits(s, 11, 2) || s[13] != ':' || !Digits(s, 14, 2) || s[16] != ':' || !Digits(s, 17, 2))
        {
            error = "expected a time HH:MM:SS after the date, separated by a space or 'T'";
            return false;
        }

        var hour = Number(s, 11, 2);
        var minute = Number(s, 14, 2);
        var second = Number(s, 17, 2);
        if (hour > 23 || minute > 59 || second > 59)
        {
            error = $"time {hour:D2}:{minute:D2}:{second:D2} does not exist";
            return false;
        }

        var pos = 19;
        long fractionTicks = 0;
        if (pos < s.Length && s[pos] == '.')
        {
            var start = ++pos;
            while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                pos++;
            }

            var count = pos - start;
            if (count == 0)
            {
                error = "a '.' without fractional-second digits";
                return false;
            }

            if (count > MaxFractionDigits)
            {
                error = $"{count} fractional-second digits (at most {MaxFractionDigits}: the target keeps microseconds)";
                return false;
            }

            // Pad to seven digits: one tick is 100 ns.
            fractionTicks = long.Parse(s.AsSpan(start, count), NumberStyles.None, CultureInfo.InvariantCulture);
            for (var i = count; i < 7; i++)
            {
                fractionTicks *= 10;
            }
        }

        var offsetMinutes = 0;
        if (pos < s.Length)
        {
            if (!TryReadOffset(s, pos, out offsetMinutes, out error))
            {
                return false;
            }
        }

        var local = writtenDate.ToDateTime(new TimeOnly(hour, minute, second), DateTimeKind.Utc).Ticks + fractionTicks;
        var ticks = local - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            error = "the instant falls outside years 0001-9999 once converted to UTC";
            return false;
        }

        utc = new DateTime(ticks, DateTimeKind.Utc);
        error = null;
        return true;
    }

    private static bool TryReadOffset(string s, int pos, out int minutes, out string? error)
    {
        minutes = 0;
        if (s[pos] == 'Z' && pos == s.Length - 1)
        {
            error = null;
            return true;
        }

        if (s[pos] is not ('+' or '-') || s.Length - pos != 6 || !Digits(s, pos + 1, 2) || s[pos + 3] != ':' || !Digits(s, pos + 4, 2))
        {
            error = $"unexpected {LegacyRaw.Quote(s[pos..])} after the time (expected 'Z' or an offset ±HH:MM)";
            return false;
        }

        var hours = Number(s, pos + 1, 2);
        var mins = Number(s, pos + 4, 2);
        minutes = (hours * 60) + mins;
        if (mins > 59 || minutes > MaxOffsetMinutes)
        {
            error = $"offset {s[pos..]} is not a real UTC offset (at most ±14:00)";
            return false;
        }

        if (s[pos] == '-')
        {
            minutes = -minutes;
        }

        error = null;
        return true;
    }

    private static bool Digits(string s, int start, int count)
    {
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(string s, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++)
        {
            n = (n * 10) + (s[i] - '0');
        }

        return n;
    }
}
