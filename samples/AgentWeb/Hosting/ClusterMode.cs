using System.Globalization;
using System.Net;
using CancelGen;
using Orleans.Configuration;

namespace AgentWeb.Hosting;

/// <summary>
/// <c>--cluster --instance N</c>: this process is instance N of a cluster on this machine. It hosts an Orleans silo
/// (localhost clustering, instance 0 the primary) and serves the same page and endpoints on its own HTTP port, with
/// runs addressable through any instance (<c>UseOrleans()</c>): start a run on one, press Stop on another.
/// </summary>
/// <param name="Instance">N: 0 for the primary.</param>
/// <param name="BasePort">The primary's silo port; instance N uses silo port <c>BasePort + 2N</c> and gateway port <c>BasePort + 2N + 1</c>.</param>
internal sealed record ClusterMode(int Instance, int BasePort)
{
    /// <summary>The primary's silo port unless <c>--cluster-base-port</c> says otherwise.</summary>
    public const int DefaultBasePort = 11111;

    /// <summary>The HTTP port of instance 0 unless <c>--port</c> says otherwise; instance N listens on this + N.</summary>
    public const int DefaultHttpPort = 5080;

    /// <summary>The cluster mode <paramref name="args"/> ask for, or <see langword="null"/> without <c>--cluster</c>.</summary>
    /// <exception cref="ArgumentException">A malformed <c>--instance</c> or <c>--cluster-base-port</c>.</exception>
    public static ClusterMode? FromArgs(IReadOnlyList<string> args)
    {
        if (!args.Contains("--cluster"))
        {
            return null;
        }

        var instance = Number(args, "--instance") ?? 0;
        var basePort = Number(args, "--cluster-base-port") ?? DefaultBasePort;
        if (instance > 100 || basePort + (2 * instance) + 1 > 65535)
        {
            throw new ArgumentException($"--instance {instance} with --cluster-base-port {basePort} needs ports above 65535.", nameof(args));
        }

        return new ClusterMode(instance, basePort);
    }

    /// <summary>The URL instance N listens on when no <c>--port</c> or <c>--urls</c> is given.</summary>
    public string DefaultUrl => $"http://127.0.0.1:{DefaultHttpPort + Instance}";

    /// <summary>Hosts this instance's silo and makes <paramref name="runs"/> cluster-wide.</summary>
    public void Apply(WebApplicationBuilder builder, StreamingRunsBuilder runs, AgentWebSettings settings)
    {
        if (settings.Url is null && !builder.Configuration.GetSection("urls").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var primary = new IPEndPoint(IPAddress.Loopback, BasePort);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(BasePort + (2 * Instance), BasePort + (2 * Instance) + 1, primary, serviceId: "agentweb", clusterId: "agentweb");
            silo.Configure<SiloOptions>(options => options.SiloName = $"agentweb-{Instance}");

            // In-memory records: fine on one machine. In production, a store every instance shares (see CancelGen.Orleans).
            silo.AddMemoryGrainStorage(OrleansStreamingRunsExtensions.StorageName);
        });
        runs.UseOrleans();
    }

    private static int? Number(IReadOnlyList<string> args, string name)
    {
        var at = args.ToList().IndexOf(name);
        if (at < 0)
        {
            return null;
        }

        if (at == args.Count - 1 || !int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new ArgumentException($"{name} takes a whole number.", nameof(args));
        }

        return value;
    }
}
