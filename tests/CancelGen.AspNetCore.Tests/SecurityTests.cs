using Microsoft.AspNetCore.Builder;
using System.Net;

namespace CancelGen.AspNetCore.Tests;

public sealed class SecurityTests
{
    public static TheoryData<string, string> EveryRoute => MalformedInputTests.EveryRoute;

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task Another_user_gets_404_on_every_route_like_an_unknown_id(string method, string route)
    {
        await using var app = await TestApp.StartAsync();
        var alice = app.Client("alice");
        var (run, id) = await app.StartRunAsync(alice);
        await run.StartTaskAsync("lookup");
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id).Replace("/tasks/1/", $"/tasks/{run.Handle.TrackedTasks[0].Id}/", StringComparison.Ordinal);

        var asBob = await app.Client("bob").SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var asAnonymous = await app.Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await MalformedInputTests.AssertProblemAsync(asBob, HttpStatusCode.NotFound);
        await MalformedInputTests.AssertProblemAsync(asAnonymous, HttpStatusCode.NotFound);
        Assert.Equal(RunStatus.Running, run.Handle.Status);
        Assert.False(run.Handle.IsPaused);
        Assert.Equal(TrackedTaskStatus.Running, run.Handle.TrackedTasks[0].Status);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/runs/{id}")).StatusCode);
        await TestApp.PostAsync(alice, $"/runs/{id}/cancel");
    }

    [Fact]
    public async Task Two_users_see_only_their_own_runs()
    {
        await using var app = await TestApp.StartAsync();
        var alice = app.Client("alice");
        var bob = app.Client("bob");
        var (aliceRun, aliceId) = await app.StartRunAsync(alice);
        var (bobRun, bobId) = await app.StartRunAsync(bob);
        aliceRun.Emit(new TextDelta("alice's secret"));
        bobRun.Emit(new TextDelta("bob's secret"));
        aliceRun.Finish();
        bobRun.Finish();

        var aliceFrames = await SseClient.ReadToEndAsync(alice, aliceId);
        var bobFrames = await SseClient.ReadToEndAsync(bob, bobId);

        Assert.Contains("alice's secret", aliceFrames[0].Data, StringComparison.Ordinal);
        Assert.Contains("bob's secret", bobFrames[0].Data, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/runs/{bobId}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/runs/{aliceId}")).StatusCode);
    }

    [Fact]
    public async Task The_owner_is_the_identity_name_when_there_is_no_NameIdentifier_claim()
    {
        await using var app = await TestApp.StartAsync();
        var carol = app.Server.CreateClient();
        carol.DefaultRequestHeaders.Add(TestAuthHandler.NameHeader, "carol");
        var (run, id) = await app.StartRunAsync(carol);
        var registry = (IRunRegistry)app.App.Services.GetService(typeof(IRunRegistry))!;

        Assert.Equal("carol", (await registry.FindAsync(id))!.Owner);
        Assert.Equal(HttpStatusCode.OK, (await carol.GetAsync($"/runs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client("carol-impostor").GetAsync($"/runs/{id}")).StatusCode);
        run.Finish();
    }

    [Fact]
    public async Task A_run_added_anonymously_is_reachable_by_its_id_alone()
    {
        await using var app = await TestApp.StartAsync();
        var (run, id) = await app.StartRunAsync(app.Client());

        Assert.Equal(HttpStatusCode.OK, (await app.Client("anyone").GetAsync($"/runs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync($"/runs/{id}")).StatusCode);
        run.Finish();
    }

    [Fact]
    public async Task The_group_takes_RequireAuthorization()
    {
        await using var app = await TestApp.StartAsync(group: g => g.RequireAuthorization());
        var alice = app.Client("alice");
        var (run, id) = await app.StartRunAsync(alice);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync($"/runs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/runs/{id}")).StatusCode);
        run.Finish();
    }

    [Fact]
    public async Task Going_over_MaxRunsPerOwner_is_429_and_the_refused_run_is_cancelled()
    {
        await using var app = await TestApp.StartAsync(o => o.MaxRunsPerOwner = 2);
        var alice = app.Client("alice");
        var (first, firstId) = await app.StartRunAsync(alice);
        var (second, _) = await app.StartRunAsync(alice);
        var refused = new ScriptedRun();

        var response = await AddRawAsync(app, alice, refused);

        await MalformedInputTests.AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.Equal(RunStatus.Cancelled, refused.Handle.Status);
        var (bobRun, _) = await app.StartRunAsync(app.Client("bob"));
        var (anonymousRun, _) = await app.StartRunAsync(app.Client());

        first.Finish();
        await SseClient.ReadToEndAsync(alice, firstId);
        await app.Logs.WaitForAsync(9, firstId);
        var (third, _) = await app.StartRunAsync(alice);

        Assert.Equal(RunStatus.Running, third.Handle.Status);
        foreach (var run in new[] { second, bobRun, anonymousRun, third })
        {
            run.Finish();
        }
    }

    private static async Task<HttpResponseMessage> AddRawAsync(TestApp app, HttpClient client, ScriptedRun run)
    {
        try
        {
            await app.AddAsync(client, run);
            throw new Xunit.Sdk.XunitException("The run was added.");
        }
        catch (HttpRequestException)
        {
            return app.LastStartResponse!;
        }
    }
}
