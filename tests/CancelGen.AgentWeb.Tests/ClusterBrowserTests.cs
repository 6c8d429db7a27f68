using CancelGen.AgentWeb.Tests.Support;
using CancelGen.Orleans.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace CancelGen.AgentWeb.Tests;

/// <summary>The sample in cluster mode, two instances, two browsers: start on instance 0, press Stop on instance 1.</summary>
[Trait("Category", "Browser")]
public sealed class ClusterBrowserTests
{
    [Fact]
    public async Task A_run_started_on_instance_0_is_stopped_from_a_page_on_instance_1()
    {
        var basePort = LoopbackPorts.FreeClusterBase();
        await using var first = await ClusterSampleServer.StartAsync(0, basePort);
        await using var second = await ClusterSampleServer.StartAsync(1, basePort);
        await using var starter = await BrowserSession.OpenAsync(first.Url);

        await starter.Page.Locator("#prompt").FillAsync("Umbrella for Paris or Oslo?");
        await starter.Page.Locator("#send").ClickAsync();
        await Expect(starter.Page.Locator("#tasks li[data-state=running]")).ToHaveCountAsync(2);
        var query = new Uri(starter.Page.Url).Query;

        // The same run, opened on the other instance (as after a reload that the load balancer sent elsewhere).
        await using var other = await BrowserSession.OpenAsync($"{second.Url}/{query}");
        await Expect(other.Page.Locator("#tasks li[data-state=running]")).ToHaveCountAsync(2);

        await other.Page.Locator("#stop").ClickAsync();

        await Expect(other.Page.Locator("#status")).ToHaveAttributeAsync("data-status", "cancelled");
        await Expect(starter.Page.Locator("#status")).ToHaveAttributeAsync("data-status", "cancelled");
        await Expect(starter.Page.Locator("#tools li[data-state=running]")).ToHaveCountAsync(0);
    }
}
