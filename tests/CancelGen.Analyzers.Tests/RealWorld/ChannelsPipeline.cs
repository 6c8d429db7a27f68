// System.Threading.Channels: a [StreamingRun] worker that reads jobs from a channel with the run's token and
// tracks its fan-out, and a pump that forwards a run's events into a bounded channel for another consumer.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CancelGen;

namespace RealWorld.Channels;

public sealed record Job(int Id, string Payload);

public sealed partial class JobWorker
{
    private readonly Channel<Job> _jobs = Channel.CreateBounded<Job>(new BoundedChannelOptions(32) { SingleReader = true });

    public ChannelWriter<Job> Jobs => _jobs.Writer;

    [StreamingRun(BufferCapacity = 64)]
    public async Task<int> WorkAsync(RunContext<string> run, CancellationToken cancellationToken)
    {
        var done = 0;
        await foreach (var job in _jobs.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var upper = run.Run(ct => TransformAsync(job, ct), $"job {job.Id}");
            var length = run.Run(async ct =>
            {
                await Task.Delay(1, ct).ConfigureAwait(false);
                return job.Payload.Length;
            }, $"measure {job.Id}");
            await Task.WhenAll(upper, length).ConfigureAwait(false);
            await run.EmitAsync($"{await upper.ConfigureAwait(false)} ({await length.ConfigureAwait(false)})").ConfigureAwait(false);
            done++;
        }

        return done;
    }

    private static async Task<string> TransformAsync(Job job, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        return job.Payload.ToUpperInvariant();
    }
}

public static class Pump
{
    public static async Task ForwardAsync(JobWorker worker, ChannelWriter<string> output, CancellationToken cancellationToken)
    {
        await using var run = worker.WorkStreamed(cancellationToken);
        try
        {
            await foreach (var line in run.StreamEvents(cancellationToken).ConfigureAwait(false))
            {
                await output.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            }

            output.TryComplete();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            output.TryComplete(exception);
            throw;
        }
    }

    public static async Task<List<string>> CollectAsync(ChannelReader<string> input, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (await input.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (input.TryRead(out var line))
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
