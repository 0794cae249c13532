using System.Globalization;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;
using Epic16.Domain.Persistence;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// The canonical text of a value and the hash of a row, identical on both stores for equal data: decimals by value,
/// instants in UTC to the microsecond, dates as dates, JSON with sorted keys. A row's text is written into one buffer per
/// thread and hashed with XXH128: the validator and the reconciler hash every row of both stores (two million rows at the
/// issue's size), and hashes are only compared within one pass, never stored, so a fast non-cryptographic hash is enough.
/// </summary>
public static class RowCanon
{
    private const char Separator = '\u001F';
    // Each table's column kinds, looked up once per row by the column list the reads keep for the whole table.
    private static readonly ConditionalWeakTable<IReadOnlyList<IReadOnlyProperty>, LegacyKind[]> Kinds = [];

    [ThreadStatic]
    private static Canon? _buffer;

    public static string Value(IReadOnlyProperty property, object? value)
    {
        var text = new Canon();
        text.Write(StoreMapping.KindOf(property), value);
        return text.ToString();
    }

    public static UInt128 Hash(IReadOnlyList<IReadOnlyProperty> properties, IReadOnlyList<object?> values)
    {
        var kinds = Kinds.GetValue(properties, columns => [.. columns.Select(StoreMapping.KindOf)]);
        var text = _buffer ??= new Canon();
        text.Clear();
        for (var i = 0; i < properties.Count; i++)
        {
            text.Write(kinds[i], values[i]);
            text.Append(Separator);
        }

        return text.Hash();
    }

    /// <summary>A growable character buffer the canonical forms are formatted into without a string per value.</summary>
    private sealed class Canon
    {
        private char[] _chars = new char[256];
        private byte[] _bytes = [];
        private int _length;

        public void Clear() => _length = 0;

        public void Write(LegacyKind kind, object? value)
        {
            switch (value)
            {
                case null or DBNull: Append("\u2205"); break;
                case decimal d: Format(d, "0.############"); break;
                case DateTime t when kind == LegacyKind.Date: Format(DateOnly.FromDateTime(t), "yyyy-MM-dd"); break;
                case DateTime t: Format(t.ToUniversalTime(), "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"); break;
                case DateOnly d: Format(d, "yyyy-MM-dd"); break;
                case bool b: Append(b ? "1" : "0"); break;
                case string s when kind == LegacyKind.Json: Append(CanonicalJson.Of(s)); break;
                case string s: Append(s); break;
                case ISpanFormattable f: Format(f, default); break;
                case IFormattable f: Append(f.ToString(null, CultureInfo.InvariantCulture)); break;
                default: Append(value.ToString() ?? ""); break;
            }
        }

        public void Append(char c)
        {
            Ensure(1);
            _chars[_length++] = c;
        }

        public void Append(ReadOnlySpan<char> text)
        {
            Ensure(text.Length);
            text.CopyTo(_chars.AsSpan(_length));
            _length += text.Length;
        }

        public UInt128 Hash()
        {
            var chars = _chars.AsSpan(0, _length);
            var max = Encoding.UTF8.GetMaxByteCount(chars.Length);
            if (_bytes.Length < max)
            {
                _bytes = new byte[Math.Max(max, _bytes.Length * 2)];
            }

            return XxHash128.HashToUInt128(_bytes.AsSpan(0, Encoding.UTF8.GetBytes(chars, _bytes)));
        }

        public override string ToString() => new(_chars, 0, _length);

        private void Format<T>(T value, ReadOnlySpan<char> format) where T : ISpanFormattable
        {
            int written;
            while (!value.TryFormat(_chars.AsSpan(_length), out written, format, CultureInfo.InvariantCulture))
            {
                Ensure(_chars.Length);
            }

            _length += written;
        }

        private void Ensure(int more)
        {
            if (_length + more > _chars.Length)
            {
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + more));
            }
        }
    }
}
