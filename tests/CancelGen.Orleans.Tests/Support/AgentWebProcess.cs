using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;

namespace CancelGen.Orleans.Tests.Support;

/// <summary>One real process of <c>samples/AgentWeb</c> in cluster mode, on loopback ports.</summary>
public sealed class AgentWebProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AgentWebProcess(Process process, int httpPort)
    {
        _process = process;
        HttpPort = httpPort;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
    }

    /// <summary>The instance's HTTP port.</summary>
    public int HttpPort { get; }

    /// <summary>A client of the instance.</summary>
    public HttpClient Client { get; }

    /// <summary>What the process printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts instance <paramref name="instance"/> of a cluster whose primary silo listens on <paramref name="basePort"/>.</summary>
    public static AgentWebProcess Start(int instance, int basePort)
    {
        var httpPort = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Metadata("AgentWebDirectory"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Metadata("AgentWebDll"), "--cluster", "--instance", $"{instance}", "--cluster-base-port", $"{basePort}", "--port", $"{httpPort}" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var result = new AgentWebProcess(process, httpPort);
        process.OutputDataReceived += (_, line) => result.Append(line.Data);
        process.ErrorDataReceived += (_, line) => result.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Waits until the instance answers HTTP (its silo has joined the cluster by then).</summary>
    public async Task WaitUntilServingAsync(TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"AgentWeb exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                var answer = await Client.GetAsync("/runs/AAAAAAAAAAAAAAAAAAAAAA", deadline.Token);
                if (answer.StatusCode == HttpStatusCode.NotFound)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"AgentWeb did not serve within {limit}:\n{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string Metadata(string key) =>
        typeof(AgentWebProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
