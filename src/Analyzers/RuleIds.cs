namespace CancelGen.Analyzers;

/// <summary>Every CancelGen usage-analyzer ID, in one place.</summary>
internal static class RuleIds
{
    /// <summary>A run is enumerated but not disposed or cancelled on every path out of the loop.</summary>
    public const string RunNotDisposed = "CG0001";

    /// <summary>A run handle is created and thrown away.</summary>
    public const string RunDiscarded = "CG0002";

    /// <summary>Background work escapes a [StreamingRun] method's tracking.</summary>
    public const string BackgroundWorkEscapes = "CG0003";

    /// <summary>The run's token is not passed on.</summary>
    public const string TokenNotPassed = "CG0004";

    /// <summary>Where each rule's page lives; the page is <c>{HelpLinkBase}{id}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/CancelGen/CancelGen/blob/main/docs/rules/";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";
}
