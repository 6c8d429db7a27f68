namespace CancelGen.Generators.Parsing;

/// <summary>
/// Recognizes documentation that <see cref="DocumentationBuilder"/> would carry over unchanged and that an XML round
/// trip (parse, then write) would leave as written: well-nested elements without attributes, none of them
/// <c>param</c>, <c>paramref</c> or <c>returns</c>, and text without <c>&amp;</c>, <c>&gt;</c>, a lone carriage return,
/// characters from U+D800 up, or control characters other than line breaks and tabs. Anything else (attributes, entities, comments, CDATA, self-closing tags) is left
/// to the XML path, so the fast path can only give the same text as the slow one.
/// </summary>
internal static class PlainDocumentation
{
    private static readonly string[] RewrittenElements = ["param", "paramref", "returns"];

    /// <summary>The content of the <c>member</c> element of <paramref name="xml"/> when it is plain, else null.</summary>
    /// <param name="xml">The documentation as the compiler gives it (<c>&lt;member name="..."&gt;...&lt;/member&gt;</c>).</param>
    public static string? TryGetContent(string xml)
    {
        var trimmed = xml.Trim();
        const string Open = "<member";
        const string Close = "</member>";
        if (!trimmed.StartsWith(Open, StringComparison.Ordinal) || !trimmed.EndsWith(Close, StringComparison.Ordinal)
            || trimmed.Length <= Open.Length || trimmed[Open.Length] is not ('>' or ' '))
        {
            return null;
        }

        var start = trimmed.IndexOf('>') + 1;
        var end = trimmed.Length - Close.Length;
        if (start <= 0 || start > end || trimmed[start - 2] == '/')
        {
            return null;
        }

        var content = trimmed.Substring(start, end - start);
        return IsPlain(content) ? content : null;
    }

    private static bool IsPlain(string content)
    {
        var open = new Stack<string>();
        var elements = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (c == '<')
            {
                var close = content.IndexOf('>', i + 1);
                if (close < 0)
                {
                    return false;
                }

                var isEnd = content[i + 1] == '/';
                var name = content.Substring(isEnd ? i + 2 : i + 1, close - i - (isEnd ? 2 : 1));
                if (!IsName(name) || Array.IndexOf(RewrittenElements, name) >= 0)
                {
                    return false;
                }

                if (isEnd)
                {
                    if (open.Count == 0 || open.Pop() != name)
                    {
                        return false;
                    }
                }
                else
                {
                    open.Push(name);
                    elements++;
                }

                i = close;
            }
            else if (c is '>' or '&' or >= '\uD800' || (c < ' ' && c is not ('\n' or '\r' or '\t'))
                || (c == '\r' && (i + 1 == content.Length || content[i + 1] != '\n')))
            {
                // Escaped or normalized by the round trip, or possibly not XML at all (surrogates, U+FFFE/U+FFFF).
                return false;
            }
        }

        // At least one element: documentation of bare text gets the default summary on the XML path too.
        return open.Count == 0 && elements > 0;
    }

    private static bool IsName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z')))
            {
                return false;
            }
        }

        return true;
    }
}
