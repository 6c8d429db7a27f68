using System.Text;

namespace CancelGen.Generators.Emitting;

/// <summary>A minimal indenting writer: four spaces per level, <c>\n</c> line ends (stable across platforms).</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }

        _builder.Append('\n');
    }

    /// <summary>A line written at column 0 (preprocessor directives).</summary>
    public void Raw(string text) => _builder.Append(text).Append('\n');

    public void Open()
    {
        Line("{");
        _indent++;
    }

    public void Close()
    {
        _indent--;
        Line("}");
    }

    public override string ToString() => _builder.ToString();
}
