namespace CancelGen.AspNetCore.Tests.Support;

/// <summary>A piece of text a test run streams.</summary>
public sealed record TextDelta(string Text);

/// <summary>A second event type, to see the runtime type name in the <c>event:</c> field.</summary>
public sealed record ToolNote(string ToolName, int CallCount);
