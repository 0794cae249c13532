using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Epic16.Domain.StoreMigration;

/// <summary>
/// Reads the Python literals that the first legacy version wrote where JSON belonged (the output of
/// <c>repr()</c> / <c>str()</c> on lists and dicts) into the JSON they stand for, the way
/// <c>json.dumps(ast.literal_eval(text))</c> would: lists and tuples → arrays, dicts → objects,
/// True/False/None → true/false/null. A small recursive-descent parser, strict about anything
/// <c>repr()</c> never produces, so that a value it accepts has one meaning.
/// </summary>
public sealed class PythonLiteral
{
    // Deep nesting is not legacy data; the limit keeps hostile input from exhausting the stack.
    public const int MaxDepth = 64;

    private readonly string _text;
    private int _pos;
    private int _depth;

    private PythonLiteral(string text) => _text = text;

    /// <summary>The JSON value of a Python literal (null for <c>None</c>), or a reason with the error's position.</summary>
    public static ParseResult<JsonNode?> Parse(string text)
    {
        var reader = new PythonLiteral(text);
        try
        {
            reader.SkipSpace();
            var value = reader.ReadValue();
            reader.SkipSpace();
            if (reader._pos < text.Length)
            {
                throw reader.Error("unexpected text after the value");
            }

            return ParseResult<JsonNode?>.Success(value);
        }
        catch (PythonSyntaxException ex)
        {
            return ParseResult<JsonNode?>.Fail(ex.Message);
        }
    }

    private JsonNode? ReadValue()
    {
        if (_pos >= _text.Length)
        {
            throw Error("unexpected end of text, expected a value");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '[':
                return ReadSequence(']');
            case '(':
                return ReadParenthesised();
            case '{':
                return ReadDict();
            case '\'' or '"':
                return JsonValue.Create(ReadString(raw: false));
            case '-' or '+' or '.':
                return ReadNumber();
            default:
                if (char.IsAsciiDigit(c))
                {
                    return ReadNumber();
                }

                if (char.IsAsciiLetter(c) || c == '_')
                {
                    return ReadName();
                }

                throw Error($"unexpected character {Show(c)}");
        }
    }

    private JsonArray ReadSequence(char close)
    {
        Enter();
        _pos++;
        var array = new JsonArray();
        SkipSpace();
        while (!TryConsume(close))
        {
            array.Add(ReadValue());
            SkipSpace();
            if (!TryConsume(','))
            {
                Expect(close, $"',' or '{close}'");
                break;
            }

            SkipSpace();
        }

        _depth--;
        return array;
    }

    // "(1, 2)" and "(1,)" are tuples (→ arrays); "(1)" is just a parenthesised 1, as in Python.
    private JsonNode? ReadParenthesised()
    {
        Enter();
        _pos++;
        SkipSpace();
        if (TryConsume(')'))
        {
            _depth--;
            return new JsonArray();
        }

        var first = ReadValue();
        SkipSpace();
        if (TryConsume(')'))
        {
            _depth--;
            return first;
        }

        Expect(',', "',' or ')'");
        var array = new JsonArray(first);
        SkipSpace();
        while (!TryConsume(')'))
        {
            array.Add(ReadValue());
            SkipSpace();
            if (!TryConsume(','))
            {
                Expect(')', "',' or ')'");
                break;
            }

            SkipSpace();
        }

        _depth--;
        return array;
    }

    private JsonObject ReadDict()
    {
        Enter();
        _pos++;
        var obj = new JsonObject();
        SkipSpace();
        while (!TryConsume('}'))
        {
            var keyStart = _pos;
            var key = ReadKey();
            SkipSpace();
            if (_pos < _text.Length && _text[_pos] is ',' or '}' && obj.Count == 0)
            {
                throw Error("a Python set has no JSON form", keyStart);
            }

            Expect(':', "':' after a dict key");
            SkipSpace();
            var value = ReadValue();
            if (!obj.TryAdd(key, value))
            {
                throw Error($"duplicate key {LegacyRaw.Quote(key)}", keyStart);
            }

            SkipSpace();
            if (!TryConsume(','))
            {
                Expect('}', "',' or '}'");
                break;
            }

            SkipSpace();
        }

        _depth--;
        return obj;
    }

    // JSON keys are strings; an int key becomes its decimal text, as json.dumps writes it.
    private string ReadKey()
    {
        if (_pos < _text.Length && _text[_pos] is '\'' or '"' || IsStringPrefix())
        {
            return ReadString(raw: false);
        }

        var start = _pos;
        if (ReadValue() is JsonValue number && number.GetValueKind() == JsonValueKind.Number && IsInteger(number))
        {
            return number.ToJsonString();
        }

        throw Error("a dict key must be a string or an integer to have a JSON form", start);
    }

    private JsonNode? ReadName()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        var name = _text[start.._pos];
        if (_pos < _text.Length && _text[_pos] is '\'' or '"' && name.Length <= 2)
        {
            _pos = start;
            return JsonValue.Create(ReadString(raw: false));
        }

        return name switch
        {
            "True" => JsonValue.Create(true),
            "False" => JsonValue.Create(false),
            "None" => null,
            "nan" or "inf" or "NaN" or "Infinity" => throw Error($"{name} is not a finite number and has no JSON form", start),
            _ => throw Error($"unknown name {LegacyRaw.Quote(name)} (only True, False and None are literals)", start),
        };
    }

    private bool IsStringPrefix()
    {
        var end = _pos;
        while (end < _text.Length && end - _pos < 2 && char.IsAsciiLetter(_text[end]))
        {
            end++;
        }

        return end > _pos && end < _text.Length && _text[end] is '\'' or '"';
    }

    private string ReadString(bool raw)
    {
        var start = _pos;
        while (char.IsAsciiLetter(_text[_pos]))
        {
            _pos++;
        }

        var prefix = _text[start.._pos].ToLowerInvariant();
        raw = prefix switch
        {
            "" or "u" => raw,
            "r" or "ur" => true,
            "b" or "br" or "rb" => throw Error("a bytes literal has no JSON form", start),
            _ => throw Error($"unsupported string prefix {LegacyRaw.Quote(prefix)}", start),
        };

        var quote = _text[_pos];
        var triple = _pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote;
        _pos += triple ? 3 : 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("unterminated string", start);
            }

            var c = _text[_pos];
            if (c == quote && (!triple || (_pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote)))
            {
                _pos += triple ? 3 : 1;
                return sb.ToString();
            }

            if (c is '\n' or '\r' && !triple)
            {
                throw Error("unterminated string (line break inside a quoted string)", start);
            }

            if (c == '\\')
            {
                if (_pos + 1 >= _text.Length)
                {
                    throw Error("unterminated string", start);
                }

                if (raw)
                {
                    sb.Append(c).Append(_text[_pos + 1]);
                    _pos += 2;
                }
                else
                {
                    ReadEscape(sb);
                }

                continue;
            }

            sb.Append(c);
            _pos++;
        }
    }

    private void ReadEscape(StringBuilder sb)
    {
        var at = _pos;
        var e = _text[_pos + 1];
        _pos += 2;
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
                for (var i = 0; i < 2 && _pos < _text.Length && _text[_pos] is >= '0' and <= '7'; i++)
                {
                    value = (value * 8) + (_text[_pos++] - '0');
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
        if (_pos + count > _text.Length || !int.TryParse(_text.AsSpan(_pos, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || _text.AsSpan(_pos, count).ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            throw Error($"an escape needs {count} hexadecimal digits", at);
        }

        _pos += count;
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

    private JsonNode ReadNumber()
    {
        var start = _pos;
        var sign = "";
        if (_text[_pos] is '-' or '+')
        {
            sign = _text[_pos] == '-' ? "-" : "";
            _pos++;
            SkipSpace();
        }

        var digitsStart = _pos;
        var intPart = ReadDigits();
        var fracPart = (string?)null;
        if (_pos < _text.Length && _text[_pos] == '.')
        {
            _pos++;
            fracPart = ReadDigits();
        }

        if (intPart.Length == 0 && string.IsNullOrEmpty(fracPart))
        {
            throw Error("expected a number", start);
        }

        var exponent = "";
        if (_pos < _text.Length && _text[_pos] is 'e' or 'E')
        {
            // The letter is kept as written: JSON rows keep theirs, and both must read alike.
            var letter = _text[_pos++];
            var expSign = _pos < _text.Length && _text[_pos] is '-' or '+' ? _text[_pos++].ToString() : "";
            var expDigits = ReadDigits();
            if (expDigits.Length == 0)
            {
                throw Error("an exponent needs digits", start);
            }

            exponent = letter + expSign + expDigits;
        }

        if (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            var isLong = _text[_pos] is 'L' or 'l' && fracPart is null && exponent.Length == 0;
            if (!isLong)
            {
                throw Error("only plain decimal numbers have a JSON form (no hex, complex or underscores)", start);
            }

            _pos++;
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
        return JsonValue.Create(JsonDocument.Parse(json.ToString()).RootElement.Clone())!;
    }

    private string ReadDigits()
    {
        var start = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private static bool IsInteger(JsonValue number) =>
        !number.ToJsonString().AsSpan().ContainsAny(".eE");

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"nesting deeper than {MaxDepth} levels");
        }
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r' or '\f')
        {
            _pos++;
        }
    }

    private bool TryConsume(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void Expect(char c, string what)
    {
        if (!TryConsume(c))
        {
            throw Error(_pos < _text.Length ? $"expected {what} but found {Show(_text[_pos])}" : $"expected {what} but the text ended");
        }
    }

    private static string Show(char c) => LegacyRaw.Quote(c.ToString());

    private PythonSyntaxException Error(string message, int? at = null) =>
        new($"Python literal error at position {(at ?? _pos) + 1}: {message}");
}
