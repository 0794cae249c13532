using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Epic16.Domain.Persistence.Legacy;

/// <summary>
/// The token level of <see cref="PythonLiteral"/>: string literals with their prefixes and
/// escapes, numbers (rewritten as JSON numbers), white space, and errors carrying the position.
/// </summary>
internal sealed class PythonScanner(string text)
{
    public string Text { get; } = text;

    public int Pos { get; set; }

    public bool IsStringPrefix()
    {
        var end = Pos;
        while (end < Text.Length && end - Pos < 2 && char.IsAsciiLetter(Text[end]))
        {
            end++;
        }

        return end > Pos && end < Text.Length && Text[end] is '\'' or '"';
    }

    public string ReadString(bool raw)
    {
        var start = Pos;
        while (char.IsAsciiLetter(Text[Pos]))
        {
            Pos++;
        }

        var prefix = Text[start..Pos].ToLowerInvariant();
        raw = prefix switch
        {
            "" or "u" => raw,
            "r" or "ur" => true,
            "b" or "br" or "rb" => throw Error("a bytes literal has no JSON form", start),
            _ => throw Error($"unsupported string prefix {LegacyRaw.Quote(prefix)}", start),
        };

        var quote = Text[Pos];
        var triple = Pos + 2 < Text.Length && Text[Pos + 1] == quote && Text[Pos + 2] == quote;
        Pos += triple ? 3 : 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (Pos >= Text.Length)
            {
                throw Error("unterminated string", start);
            }

            var c = Text[Pos];
            if (c == quote && (!triple || (Pos + 2 < Text.Length && Text[Pos + 1] == quote && Text[Pos + 2] == quote)))
            {
                Pos += triple ? 3 : 1;
                return sb.ToString();
            }

            if (c is '\n' or '\r' && !triple)
            {
                throw Error("unterminated string (line break inside a quoted string)", start);
            }

            if (c == '\\')
            {
                if (Pos + 1 >= Text.Length)
                {
                    throw Error("unterminated string", start);
                }

                if (raw)
                {
                    sb.Append(c).Append(Text[Pos + 1]);
                    Pos += 2;
                }
                else
                {
                    ReadEscape(sb);
                }

                continue;
            }

            sb.Append(c);
            Pos++;
        }
    }

    private void ReadEscape(StringBuilder sb)
    {
        var at = Pos;
        var e = Text[Pos + 1];
        Pos += 2;
        switch (e)
        {
            case '\n': break;
            case '\r': TryConsume('\n'); break;
            case '\\' or '\'' or '"': sb.Append(e); break;
            case 'a': sb.Append('\a'); break;
            case 'b': sb.Append('\b'); break;
            case 'f': sb.Append('\f'); break;
            case 'n': sb.Append('\n'); break;
            case 'r': sb.Append('\r'); break;
            case 't': sb.Append('\t'); break;
            case 'v': sb.Append('\v'); break;
            case 'x': AppendCodePoint(sb, ReadHex(2, at), at); break;
            case 'u': AppendCodePoint(sb, ReadHex(4, at), at); break;
            case 'U': AppendCodePoint(sb, ReadHex(8, at), at); break;
            case 'N': throw Error("named escapes \\N{…} are not supported", at);
            case >= '0' and <= '7':
                var value = e - '0';
                for (var i = 0; i < 2 && Pos < Text.Length && Text[Pos] is >= '0' and <= '7'; i++)
                {
                    value = (value * 8) + (Text[Pos++] - '0');
                }

                AppendCodePoint(sb, value, at);
                break;
            default:
                // Python keeps an unknown escape as written, backslash included.
                sb.Append('\\').Append(e);
                break;
        }
    }

    private int ReadHex(int count, int at)
    {
        if (Pos + count > Text.Length || !int.TryParse(Text.AsSpan(Pos, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || Text.AsSpan(Pos, count).ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            throw Error($"an escape needs {count} hexadecimal digits", at);
        }

        Pos += count;
        return value;
    }

    private void AppendCodePoint(StringBuilder sb, int value, int at)
    {
        if (value < 0 || value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
        {
            throw Error($"escape for code point 0x{value:X} is not a Unicode scalar value", at);
        }

        sb.Append(char.ConvertFromUtf32(value));
    }

    public JsonNode ReadNumber()
    {
        var start = Pos;
        var sign = "";
        if (Text[Pos] is '-' or '+')
        {
            sign = Text[Pos] == '-' ? "-" : "";
            Pos++;
            SkipSpace();
        }

        var digitsStart = Pos;
        var intPart = ReadDigits();
        var fracPart = (string?)null;
        if (Pos < Text.Length && Text[Pos] == '.')
        {
            Pos++;
            fracPart = ReadDigits();
        }

        if (intPart.Length == 0 && string.IsNullOrEmpty(fracPart))
        {
            throw Error("expected a number", start);
        }

        var exponent = "";
        if (Pos < Text.Length && Text[Pos] is 'e' or 'E')
        {
            // The letter is kept as written: JSON rows keep theirs, and both must read alike.
            var letter = Text[Pos++];
            var expSign = Pos < Text.Length && Text[Pos] is '-' or '+' ? Text[Pos++].ToString() : "";
            var expDigits = ReadDigits();
            if (expDigits.Length == 0)
            {
                throw Error("an exponent needs digits", start);
            }

            exponent = letter + expSign + expDigits;
        }

        if (Pos < Text.Length && (char.IsAsciiLetterOrDigit(Text[Pos]) || Text[Pos] == '_'))
        {
            var isLong = Text[Pos] is 'L' or 'l' && fracPart is null && exponent.Length == 0;
            if (!isLong)
            {
                throw Error("only plain decimal numbers have a JSON form (no hex, complex or underscores)", start);
            }

            Pos++;
        }

        if (intPart.Length > 1 && intPart[0] == '0' && fracPart is null && exponent.Length == 0 && intPart.Any(d => d != '0'))
        {
            throw Error("an integer with a leading zero is not a Python 3 literal", digitsStart);
        }

        // Written as a JSON number: "5." → 5.0, ".5" → 0.5, leading zeros dropped.
        var json = new StringBuilder(sign);
        var trimmed = intPart.TrimStart('0');
        json.Append(trimmed.Length == 0 ? "0" : trimmed);
        if (fracPart is not null)
        {
            json.Append('.').Append(fracPart.Length == 0 ? "0" : fracPart);
        }

        json.Append(exponent);
        using var document = JsonDocument.Parse(json.ToString());
        return JsonValue.Create(document.RootElement.Clone())!;
    }

    private string ReadDigits()
    {
        var start = Pos;
        while (Pos < Text.Length && char.IsAsciiDigit(Text[Pos]))
        {
            Pos++;
        }

        return Text[start..Pos];
    }

    public void SkipSpace()
    {
        while (Pos < Text.Length && Text[Pos] is ' ' or '\t' or '\n' or '\r' or '\f')
        {
            Pos++;
        }
    }

    public bool TryConsume(char c)
    {
        if (Pos < Text.Length && Text[Pos] == c)
        {
            Pos++;
            return true;
        }

        return false;
    }

    public void Expect(char c, string what)
    {
        if (!TryConsume(c))
        {
            throw Error(Pos < Text.Length ? $"expected {what} but found {Show(Text[Pos])}" : $"expected {what} but the text ended");
        }
    }

    public static string Show(char c) => LegacyRaw.Quote(c.ToString());

    public PythonSyntaxException Error(string message, int? at = null) =>
        new($"Python literal error at position {(at ?? Pos) + 1}: {message}");
}
