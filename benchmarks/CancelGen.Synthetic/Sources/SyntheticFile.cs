namespace CancelGen.Synthetic.Sources;

/// <summary>One source file of a synthetic project.</summary>
/// <param name="Path">The file's path relative to the project folder, such as <c>Agents/Agent0007.cs</c>.</param>
/// <param name="Text">The C# source.</param>
public sealed record SyntheticFile(string Path, string Text);
