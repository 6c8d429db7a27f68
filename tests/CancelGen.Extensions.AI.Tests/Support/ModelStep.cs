namespace CancelGen.Extensions.AI.Tests.Support;

/// <summary>One step of a scripted model response.</summary>
public abstract record ModelStep
{
    /// <summary>A text chunk.</summary>
    public static ModelStep Chunk(string text) => new TextStep(text);

    /// <summary>A function call the model asks for.</summary>
    public static ModelStep Call(string name, string callId, IDictionary<string, object?>? arguments = null) =>
        new CallStep(name, callId, arguments);

    /// <summary>A pause in the stream until the test releases the gate (the model's token ends it).</summary>
    public static ModelStep Wait(Gate gate) => new WaitStep(gate);

    /// <summary>The stream throws.</summary>
    public static ModelStep Throw(Exception exception) => new ThrowStep(exception);
}

public sealed record TextStep(string Text) : ModelStep;

public sealed record CallStep(string Name, string CallId, IDictionary<string, object?>? Arguments) : ModelStep;

public sealed record WaitStep(Gate Gate) : ModelStep;

public sealed record ThrowStep(Exception Exception) : ModelStep;
