using System.Text.Json;

namespace CancelGen.EndToEnd.Tests.Editor.Protocol;

/// <summary>The parameters of the server's request <c>workspace/configuration</c>.</summary>
/// <param name="Items">The settings sections asked for, answered in the same order.</param>
public sealed record ConfigurationParams(IReadOnlyList<ConfigurationItem> Items);

/// <summary>One settings section the server asks for, such as <c>csharp</c>.</summary>
/// <param name="Section">The section's name; null asks for everything.</param>
public sealed record ConfigurationItem(string? Section);

/// <summary>The parameters of the server's request <c>client/registerCapability</c>.</summary>
/// <param name="Registrations">The capabilities the server registers.</param>
public sealed record RegistrationParams(IReadOnlyList<Registration> Registrations);

/// <summary>One dynamically registered capability.</summary>
/// <param name="Id">The registration's ID.</param>
/// <param name="Method">The method it enables, such as <c>textDocument/diagnostic</c>.</param>
public sealed record Registration(string Id, string Method);

/// <summary>The parameters of the server's notification <c>window/logMessage</c>.</summary>
/// <param name="Type">1 error, 2 warning, 3 info, 4 log.</param>
/// <param name="Message">The text.</param>
public sealed record LogMessageParams(int Type, string Message);

/// <summary>The parameters of the server's request <c>window/workDoneProgress/create</c>.</summary>
/// <param name="Token">The progress token (a string or a number).</param>
public sealed record WorkDoneProgressCreateParams(JsonElement Token);
