using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace CancelGen.Internal;

/// <summary>
/// What an adapter run records for <c>KeepCancelledTurnAsync</c>: the request messages and every update produced, kept
/// beside the run's handle. Keeping the turn happens once, however often it is asked for.
/// </summary>
/// <typeparam name="TUpdate">The run's update type.</typeparam>
internal sealed class RunRecord<TUpdate>
{
    private static readonly ConditionalWeakTable<object, RunRecord<TUpdate>> s_byHandle = new();

    private readonly object _gate = new();
    private readonly List<TUpdate> _updates = [];
    private readonly Func<IReadOnlyList<TUpdate>, IList<ChatMessage>> _toMessages;
    private readonly Func<IReadOnlyList<ChatMessage>, IReadOnlyList<ChatMessage>, Task<bool>> _store;
    private Lazy<Task<KeptTurn>>? _kept;

    public RunRecord(
        IReadOnlyList<ChatMessage> requestMessages,
        Func<IReadOnlyList<TUpdate>, IList<ChatMessage>> toMessages,
        Func<IReadOnlyList<ChatMessage>, IReadOnlyList<ChatMessage>, Task<bool>> store)
    {
        RequestMessages = requestMessages;
        _toMessages = toMessages;
        _store = store;
    }

    public IReadOnlyList<ChatMessage> RequestMessages { get; }

    public static void Attach(object handle, RunRecord<TUpdate> record) => s_byHandle.Add(handle, record);

    public static RunRecord<TUpdate> Of(object handle) =>
        s_byHandle.TryGetValue(handle, out var record)
            ? record
            : throw new InvalidOperationException(
                "KeepCancelledTurnAsync needs a run started by StartStreamingRun on an IChatClient or AIAgent; this run was started otherwise.");

    public void Add(TUpdate update)
    {
        lock (_gate)
        {
            _updates.Add(update);
        }
    }

    /// <summary>The updates recorded so far, oldest first.</summary>
    public TUpdate[] Updates()
    {
        lock (_gate)
        {
            return _updates.ToArray();
        }
    }

    /// <summary>Waits for the run to end; when it was cancelled, keeps its turn (once) and returns it.</summary>
    public Task<KeptTurn> KeepAsync(RunResultStreaming<TUpdate> run)
    {
        Lazy<Task<KeptTurn>> kept;
        lock (_gate)
        {
            kept = _kept ??= new Lazy<Task<KeptTurn>>(() => KeepOnceAsync(run));
        }

        // Started outside the lock: storing the turn calls the agent's history provider.
        return kept.Value;
    }

    private async Task<KeptTurn> KeepOnceAsync(RunResultStreaming<TUpdate> run)
    {
        await RunEnd.WaitAsync(run).ConfigureAwait(false);
        if (run.Status != RunStatus.Cancelled)
        {
            return KeptTurn.Nothing;
        }

        var responseMessages = KeptMessages.Complete(_toMessages(Updates()));
        var stored = await _store(RequestMessages, responseMessages).ConfigureAwait(false);
        return new KeptTurn(RequestMessages, responseMessages, stored);
    }
}
