using System.Text.Json;
using System.Text.Json.Nodes;

namespace Epic16.Domain.Persistence.Legacy;

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

    private readonly PythonScanner _scanner;
    private int _depth;

    private PythonLiteral(string text) => _scanner = new PythonScanner(text);

    /// <summary>The JSON value of a Python literal (null for <c>None</c>), or a reason with the error's position.</summary>
    public static ParseResult<JsonNode?> Parse(string text)
    {
        var reader = new PythonLiteral(text);
        try
        {
            reader._scanner.SkipSpace();
            var value = reader.ReadValue();
            reader._scanner.SkipSpace();
            if (reader._scanner.Pos < text.Length)
            {
                throw reader._scanner.Error("unexpected text after the value");
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
        if (_scanner.Pos >= _scanner.Text.Length)
        {
            throw _scanner.Error("unexpected end of text, expected a value");
        }

        var c = _scanner.Text[_scanner.Pos];
        switch (c)
        {
            case '[':
                return ReadSequence(']');
            case '(':
                return ReadParenthesised();
            case '{':
                return ReadDict();
            case '\'' or '"':
                return JsonValue.Create(_scanner.ReadString(raw: false));
            case '-' or '+' or '.':
                return _scanner.ReadNumber();
            default:
                if (char.IsAsciiDigit(c))
                {
                    return _scanner.ReadNumber();
                }

                if (char.IsAsciiLetter(c) || c == '_')
                {
                    return ReadName();
                }

                throw _scanner.Error($"unexpected character {PythonScanner.Show(c)}");
        }
    }

    private JsonArray ReadSequence(char close)
    {
        Enter();
        _scanner.Pos++;
        var array = new JsonArray();
        _scanner.SkipSpace();
        while (!_scanner.TryConsume(close))
        {
            array.Add(ReadValue());
            _scanner.SkipSpace();
            if (!_scanner.TryConsume(','))
            {
                _scanner.Expect(close, $"',' or '{close}'");
                break;
            }

            _scanner.SkipSpace();
        }

        _depth--;
        return array;
    }

    // "(1, 2)" and "(1,)" are tuples (→ arrays); "(1)" is just a parenthesised 1, as in Python.
    private JsonNode? ReadParenthesised()
    {
        Enter();
        _scanner.Pos++;
        _scanner.SkipSpace();
        if (_scanner.TryConsume(')'))
        {
            _depth--;
            return new JsonArray();
        }

        var first = ReadValue();
        _scanner.SkipSpace();
        if (_scanner.TryConsume(')'))
        {
            _depth--;
            return first;
        }

        _scanner.Expect(',', "',' or ')'");
        var array = new JsonArray(first);
        _scanner.SkipSpace();
        while (!_scanner.TryConsume(')'))
        {
            array.Add(ReadValue());
            _scanner.SkipSpace();
            if (!_scanner.TryConsume(','))
            {
                _scanner.Expect(')', "',' or ')'");
                break;
            }

            _scanner.SkipSpace();
        }

        _depth--;
        return array;
    }

    private JsonObject ReadDict()
    {
        Enter();
        _scanner.Pos++;
        var obj = new JsonObject();
        _scanner.SkipSpace();
        while (!_scanner.TryConsume('}'))
        {
            var keyStart = _scanner.Pos;
            var key = ReadKey();
            _scanner.SkipSpace();
            if (_scanner.Pos < _scanner.Text.Length && _scanner.Text[_scanner.Pos] is ',' or '}' && obj.Count == 0)
            {
                throw _scanner.Error("a Python set has no JSON form", keyStart);
            }

            _scanner.Expect(':', "':' after a dict key");
            _scanner.SkipSpace();
            var value = ReadValue();
            if (!obj.TryAdd(key, value))
            {
                throw _scanner.Error($"duplicate key {LegacyRaw.Quote(key)}", keyStart);
            }

            _scanner.SkipSpace();
            if (!_scanner.TryConsume(','))
            {
                _scanner.Expect('}', "',' or '}'");
                break;
            }

            _scanner.SkipSpace();
        }

        _depth--;
        return obj;
    }

    // JSON keys are strings; an int key becomes its decimal text, as json.dumps writes it.
    private string ReadKey()
    {
        if (_scanner.Pos < _scanner.Text.Length && _scanner.Text[_scanner.Pos] is '\'' or '"' || _scanner.IsStringPrefix())
        {
            return _scanner.ReadString(raw: false);
        }

        var start = _scanner.Pos;
        if (ReadValue() is JsonValue number && number.GetValueKind() == JsonValueKind.Number && IsInteger(number))
        {
            return number.ToJsonString();
        }

        throw _scanner.Error("a dict key must be a string or an integer to have a JSON form", start);
    }

    private JsonNode? ReadName()
    {
        var start = _scanner.Pos;
        while (_scanner.Pos < _scanner.Text.Length && (char.IsAsciiLetterOrDigit(_scanner.Text[_scanner.Pos]) || _scanner.Text[_scanner.Pos] == '_'))
        {
            _scanner.Pos++;
        }

        var name = _scanner.Text[start.._scanner.Pos];
        if (_scanner.Pos < _scanner.Text.Length && _scanner.Text[_scanner.Pos] is '\'' or '"' && name.Length <= 2)
        {
            _scanner.Pos = start;
            return JsonValue.Create(_scanner.ReadString(raw: false));
        }

        return name switch
        {
            "True" => JsonValue.Create(true),
            "False" => JsonValue.Create(false),
            "None" => null,
            "nan" or "inf" or "NaN" or "Infinity" => throw _scanner.Error($"{name} is not a finite number and has no JSON form", start),
            _ => throw _scanner.Error($"unknown name {LegacyRaw.Quote(name)} (only True, False and None are literals)", start),
        };
    }

    private static bool IsInteger(JsonValue number) =>
        !number.ToJsonString().AsSpan().ContainsAny(".eE");

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw _scanner.Error($"nesting deeper than {MaxDepth} levels");
        }
    }
}
