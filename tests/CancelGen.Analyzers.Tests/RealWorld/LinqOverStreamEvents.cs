// LINQ over StreamEvents() (System.Linq.AsyncEnumerable, in the .NET 10 base library), with the handle released.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CancelGen;

namespace RealWorld.Linq;

public static class Numbers
{
    public static RunResultStreaming<int> Count(int to, CancellationToken cancellationToken = default) =>
        RunResultStreaming.Start<int>((run, ct) => Range(to, ct), cancellationToken: cancellationToken);

    private static async IAsyncEnumerable<int> Range(int to, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var i = 1; i <= to; i++)
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            yield return i;
        }
    }
}

public static class Queries
{
    public static async Task<List<int>> EvenSquaresAsync(int to, CancellationToken cancellationToken)
    {
        await using var run = Numbers.Count(to, cancellationToken);
        return await run.StreamEvents(cancellationToken)
            .Where(static n => n % 2 == 0)
            .Select(static n => n * n)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    public static async Task<int> FirstOverAsync(int to, int limit, CancellationToken cancellationToken)
    {
        await using var run = Numbers.Count(to, cancellationToken);
        return await run.StreamEvents(cancellationToken).FirstOrDefaultAsync(n => n > limit, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<int> SumOfFirstAsync(int to, int take, CancellationToken cancellationToken)
    {
        await using var run = Numbers.Count(to, cancellationToken);
        var sum = 0;
        await foreach (var n in run.StreamEvents(cancellationToken).Take(take).WithCancellation(cancellationToken))
        {
            sum += n;
        }

        return sum;
    }

    public static async Task<Dictionary<bool, int>> ParityAsync(int to, CancellationToken cancellationToken)
    {
        var run = Numbers.Count(to, cancellationToken);
        try
        {
            var all = await run.StreamEvents(cancellationToken).ToArrayAsync(cancellationToken).ConfigureAwait(false);
            return all.GroupBy(static n => n % 2 == 0).ToDictionary(static g => g.Key, static g => g.Count());
        }
        finally
        {
            run.Cancel();
        }
    }
}
