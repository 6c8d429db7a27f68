// Services wired by Microsoft.Extensions.DependencyInjection: a scoped service owning its runs (the container
// disposes it), and a hosted background service that runs a [StreamingRun] planner until the host stops.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CancelGen;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RealWorld.DependencyInjection;

public interface IAnswerSource
{
    RunResultStreaming<string> Answer(string question, CancellationToken cancellationToken);
}

public sealed partial class Planner : IAnswerSource
{
    [StreamingRun]
    public async Task<int> PlanAsync(string goal, RunContext<string> run, CancellationToken cancellationToken)
    {
        var steps = goal.Split(',');
        foreach (var step in steps)
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            await run.EmitAsync(step.Trim()).ConfigureAwait(false);
        }

        await run.EndTurnAsync().ConfigureAwait(false);
        return steps.Length;
    }

    public RunResultStreaming<string> Answer(string question, CancellationToken cancellationToken) =>
        PlanStreamed(question, cancellationToken);
}

public sealed class ConversationService : IAsyncDisposable
{
    private readonly IAnswerSource _source;
    private readonly List<RunResultStreaming<string>> _runs = [];

    public ConversationService(IAnswerSource source) => _source = source;

    public IAsyncEnumerable<string> Ask(string question, CancellationToken cancellationToken)
    {
        var run = _source.Answer(question, cancellationToken);
        _runs.Add(run);
        return run.StreamEvents(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var run in _runs)
        {
            await run.DisposeAsync().ConfigureAwait(false);
        }
    }
}

public sealed class NightlyPlanning : BackgroundService
{
    private readonly Planner _planner;
    private readonly ILogger<NightlyPlanning> _logger;

    public NightlyPlanning(Planner planner, ILogger<NightlyPlanning> logger)
    {
        _planner = planner;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var run = _planner.PlanStreamed("fetch, summarize, publish", stoppingToken);
            await foreach (var step in run.StreamEvents(stoppingToken).ConfigureAwait(false))
            {
                _logger.LogInformation("Step {Step}", step);
            }

            var planned = await run.FinalOutput.ConfigureAwait(false);
            _logger.LogInformation("Planned {Count} steps", planned);
            await Task.Delay(TimeSpan.FromHours(24), stoppingToken).ConfigureAwait(false);
        }
    }
}

public static class Registration
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddSingleton<Planner>();
        services.AddSingleton<IAnswerSource>(static provider => provider.GetRequiredService<Planner>());
        services.AddScoped<ConversationService>();
        services.AddHostedService<NightlyPlanning>();
        return services;
    }
}
