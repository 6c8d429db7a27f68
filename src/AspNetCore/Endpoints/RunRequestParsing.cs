using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CancelGen.Endpoints;

/// <summary>Reads the run endpoints' inputs strictly: anything malformed is refused, never guessed at.</summary>
internal static class RunRequestParsing
{
    /// <summary>The <c>Last-Event-ID</c> header name.</summary>
    public const string LastEventIdHeader = "Last-Event-ID";

    /// <summary>The query parameter a page uses when it opens a new <c>EventSource</c> after a reload (the header wins).</summary>
    public const string LastEventIdQuery = "lastEventId";

    /// <summary>Parses the <c>mode</c> query value: absent or <c>immediate</c>, or <c>afterTurn</c> (any case).</summary>
    public static bool TryParseMode(StringValues values, out CancelMode mode)
    {
        mode = CancelMode.Immediate;
        if (values.Count == 0)
        {
            return true;
        }

        if (values.Count > 1)
        {
            return false;
        }

        if (string.Equals(values[0], "immediate", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        mode = CancelMode.AfterTurn;
        return string.Equals(values[0], "afterTurn", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads the event number to resume after: the header, else the query, else 0.</summary>
    public static bool TryParseLastEventId(HttpRequest request, out long lastEventId)
    {
        var values = request.Headers[LastEventIdHeader];
        if (values.Count == 0)
        {
            values = request.Query[LastEventIdQuery];
        }

        lastEventId = 0;
        // An empty value is "no event yet" (what EventSource means by an empty last event id).
        return values.Count == 0 || (values.Count == 1 && (string.IsNullOrEmpty(values[0]) || TryParseNumber(values[0], out lastEventId)));
    }

    /// <summary>Parses a tracked task id.</summary>
    public static bool TryParseTaskId(string? text, out long taskId) => TryParseNumber(text, out taskId);

    private static bool TryParseNumber(string? text, out long number) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
}
