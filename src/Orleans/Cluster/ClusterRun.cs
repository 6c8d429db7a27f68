using System.Runtime.CompilerServices;
using CancelGen.Grains;
using CancelGen.Logging;
using Microsoft.Extensions.Logging;

namespace CancelGen.Cluster;

/// <summary>
/// A run as any instance sees it: every call goes to the run's grain, on the instance that owns the run. A stream of
/// events cut on the way (the owner went away) is resumed from its cursor while the run is reachable, and ends when
/// the run is <c>lost</c>.
/// </summary>
internal sealed class ClusterRun(string id, string? owner, IRunGrain grain, GrainCalls calls, ILogger logger) : IRegisteredRun
{
    public string Id { get; } = id;

    public string? Owner { get; } = owner;

    public async ValueTask<RegisteredRunState> GetStateAsync(CancellationToken cancellationToken = default) =>
        (await calls.CallAsync(Id, grain.GetStateAsync, cancellationToken).ConfigureAwait(false)).ToState();

    public async IAsyncEnumerable<RunEventFrame> ReadEventsAsync(long afterEventId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var cursor = afterEventId;
        while (true)
        {
            var enumerator = grain.ReadEventsAsync(cursor).GetAsyncEnumerator(cancellationToken);
            var ended = false;
            try
            {
                while (true)
                {
                    RunEventMessage message;
                    try
                    {
                        if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }

                        message = enumerator.Current;
                    }
                    catch (Exception exception) when (!cancellationToken.IsCancellationRequested && (GrainCalls.IsUnreachable(exception) || exception is OperationCanceledException))
                    {
                        break;
                    }

                    if (message.IsEnd)
                    {
                        ended = true;
                        break;
                    }

                    yield return message.ToFrame();
                    cursor = message.Id;
                }
            }
            finally
            {
                await DisposeQuietlyAsync(enumerator).ConfigureAwait(false);
            }

            if (ended)
            {
                yield break;
            }

            // Cut before its end: ask the grain (re-activated elsewhere if the owner went away) how the run is.
            ClusterLog.StreamCut(logger, Id, cursor);
            var state = await GetStateAsync(cancellationToken).ConfigureAwait(false);
            if (state.Status == RegisteredRunStatus.Lost)
            {
                yield break;
            }
        }
    }

    public async ValueTask<RegisteredRunState> CancelAsync(CancelMode mode, CancellationToken cancellationToken = default) =>
        (await calls.CallAsync(Id, () => grain.CancelAsync(mode), cancellationToken).ConfigureAwait(false)).ToState();

    public async ValueTask<RegisteredRunState> PauseAsync(CancellationToken cancellationToken = default) =>
        (await calls.CallAsync(Id, grain.PauseAsync, cancellationToken).ConfigureAwait(false)).ToState();

    public async ValueTask<RegisteredRunState> ResumeAsync(CancellationToken cancellationToken = default) =>
        (await calls.CallAsync(Id, grain.ResumeAsync, cancellationToken).ConfigureAwait(false)).ToState();

    public async ValueTask<bool> CancelTaskAsync(long taskId, CancellationToken cancellationToken = default) =>
        await calls.CallAsync(Id, () => grain.CancelTaskAsync(taskId), cancellationToken).ConfigureAwait(false);

    private static async ValueTask DisposeQuietlyAsync(IAsyncEnumerator<RunEventMessage> enumerator)
    {
        try
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Disposing a stream whose instance went away can fail in any way; there is nothing left to release.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
