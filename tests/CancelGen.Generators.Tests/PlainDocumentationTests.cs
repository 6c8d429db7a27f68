using System.Xml.Linq;
using CancelGen.Generators.Parsing;

namespace CancelGen.Generators.Tests;

/// <summary>
/// The documentation fast path: taken only where the XML round trip (parse, write each node) gives the very text
/// it returns, and never for documentation the builder rewrites.
/// </summary>
public class PlainDocumentationTests
{
    public static TheoryData<string> Plain =>
    [
        "<member name=\"M:A.B.RunAsync(System.String)\">\n    <summary>Runs it.</summary>\n</member>",
        "<member name=\"M:A.B.C\">\n    <summary>\n    Two lines, \"quoted\" and 'quoted'.\n    </summary>\n    <remarks>See <c>code</c> and <b>bold</b>.</remarks>\n</member>\n",
        "<member name=\"M:A.B.C\">\r\n    <summary>Windows line ends\tand a tab.</summary>\r\n</member>",
        "<member>\n <summary></summary>\n leading text <para>x</para>\n</member>",
        "<member name=\"M:A.B.C\"><summary>Accents: é, ü, ñ; symbols: § ± µ.</summary></member>",
    ];

    public static TheoryData<string> NotPlain =>
    [
        "<member name=\"M:A.B.C\"><summary>Uses <see cref=\"T:A.B\"/>.</summary></member>",
        "<member name=\"M:A.B.C\"><summary>x</summary><param name=\"run\">The run.</param></member>",
        "<member name=\"M:A.B.C\"><summary>Mentions <paramref name=\"run\"/>.</summary></member>",
        "<member name=\"M:A.B.C\"><summary>x</summary><returns>y</returns></member>",
        "<member name=\"M:A.B.C\"><summary>a &amp; b</summary></member>",
        "<member name=\"M:A.B.C\"><summary>a > b</summary></member>",
        "<member name=\"M:A.B.C\"><summary>x</summary><br/></member>",
        "<member name=\"M:A.B.C\"><summary >x</summary></member>",
        "<member name=\"M:A.B.C\"><summary>x</remarks></member>",
        "<member name=\"M:A.B.C\"><summary>x</member>",
        "<member name=\"M:A.B.C\"><!-- c --><summary>x</summary></member>",
        "<member name=\"M:A.B.C\"><summary>lone\rreturn</summary></member>",
        "<member name=\"M:A.B.C\"><summary>emoji \U0001F600</summary></member>",
        "<member name=\"M:A.B.C\">only text</member>",
        "<member name=\"M:A.B.C\"/>",
        "<doc><summary>x</summary></doc>",
    ];

    [Theory]
    [MemberData(nameof(Plain))]
    public void Plain_documentation_is_what_the_round_trip_writes(string xml)
    {
        var content = PlainDocumentation.TryGetContent(xml);

        Assert.NotNull(content);
        var roundTrip = string.Concat(XElement.Parse(xml, LoadOptions.PreserveWhitespace).Nodes().Select(static n => n.ToString(SaveOptions.DisableFormatting)));
        Assert.Equal(Normalize(roundTrip), Normalize(content));
    }

    [Theory]
    [MemberData(nameof(NotPlain))]
    public void Anything_else_takes_the_xml_path(string xml) =>
        Assert.Null(PlainDocumentation.TryGetContent(xml));

    // The builder splits on '\n' after turning "\r\n" into '\n'; the round trip writes the platform's line end.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
