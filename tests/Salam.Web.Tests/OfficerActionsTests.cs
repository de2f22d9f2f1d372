using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Salam.Application.Rounds.Commands.CloseRound;
using Salam.Application.Rounds.Commands.CreateRound;
using Salam.Application.Rounds.Commands.OpenRound;
using Salam.Application.Rounds.Commands.PublishRound;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Domain.Needs;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;
using Salam.Testing;
using Salam.Web.Components.Pages.Rounds;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>
/// The officer's staff results page: a recount that agrees says so, publishing is confirmed first and moves the round to
/// Published (the ballot file is then offered), and a refused publication shows its reason and changes nothing.
/// </summary>
public sealed class OfficerActionsTests : StaffComponentTest
{
    [Fact]
    public async Task The_officer_recounts_sees_it_agrees_and_publishes_after_confirming()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var roundId = await ClosedRoundAsync(app, CountingMethod.Schulze, ballots: 10);
        await SignInAsync(app, "officer.qom");
        var dialogs = Render<MudDialogProvider>();

        var page = Render<StaffResults>(p => p.Add(r => r.RoundId, roundId));
        page.WaitForElement("button.round-recount").Click();
        page.WaitForAssertion(() => Assert.Contains("The recount agrees", page.Find(".recount-agrees").TextContent), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(page.FindAll(".schulze-pairwise tbody tr"));

        await page.ClickAsync("button.round-publish");
        dialogs.WaitForAssertion(() => Assert.Contains("Publishing cannot be undone", dialogs.Markup));
        Assert.Equal(RoundStatus.Closed, await StatusAsync(app, roundId)); // nothing before the confirmation
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Publish the results")).Click();

        await EventuallyAsync(() => StatusAsync(app, roundId), s => s == RoundStatus.Published, "the round published");
        page.WaitForAssertion(() => Assert.Equal($"/rounds/{roundId}/ballots", page.Find(".count-download").GetAttribute("href")), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("button.round-publish"));
    }

    [Fact]
    public async Task A_refused_publication_shows_its_reason_and_leaves_the_round_as_it_was()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var roundId = await ClosedRoundAsync(app, CountingMethod.Borda, ballots: 3);
        await SignInAsync(app, "officer.qom");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<StaffResults>(p => p.Add(r => r.RoundId, roundId));
        page.WaitForElement("button.round-publish");
        // Another officer publishes first: this page's publish is now refused by the command itself.
        await app.SendAsync<RoundStatus>(await app.PrincipalOfAsync("officer.qom"), new PublishRound(roundId));
        var auditBefore = await app.ReadAsync(db => db.AuditEvents.CountAsync());

        await page.ClickAsync("button.round-publish");
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Contains("Publish the results")).Click());

        page.WaitForAssertion(() => Assert.False(string.IsNullOrWhiteSpace(page.Find(".officer-refusal").TextContent)), TimeSpan.FromSeconds(10));
        Assert.Equal(auditBefore, await app.ReadAsync(db => db.AuditEvents.CountAsync()));
    }

    [Fact]
    public async Task A_facilitator_sees_no_officer_actions()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var roundId = await ClosedRoundAsync(app, CountingMethod.Borda, ballots: 3);
        await SignInAsync(app, "facilitator.pardisan");

        var page = Render<StaffResults>(p => p.Add(r => r.RoundId, roundId));
        page.WaitForElement(".results-table");
        Assert.Empty(page.FindAll(".officer-actions"));
        Assert.Contains("Fewer than 10 ballots", page.Find(".count-record").TextContent);
    }

    private static Task<RoundStatus> StatusAsync(TestApp app, int roundId) =>
        app.ReadAsync(db => db.PriorityRounds.Where(r => r.Id == roundId).Select(r => r.Status).SingleAsync());

    private static async Task<int> ClosedRoundAsync(TestApp app, CountingMethod method, int ballots)
    {
        var place = await app.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync());
        var needs = await app.ReadAsync(db => db.Needs.Where(n => n.NeighbourhoodId == place && n.Status == NeedStatus.Approved).OrderBy(n => n.Id).Select(n => n.Id).Take(3).ToListAsync());
        var facilitator = await app.PrincipalOfAsync("facilitator.pardisan");
        var now = app.Clock.GetUtcNow();
        var roundId = await app.SendAsync<int>(facilitator, new CreateRound(place, $"Officer round {method} {ballots}", now.AddMinutes(-1), now.AddDays(3), 3, needs, method));
        await app.SendAsync<RoundStatus>(facilitator, new OpenRound(roundId));
        for (var i = 0; i < ballots; i++)
            await app.SendAsync<BallotReceipt>(await app.ResidentPrincipalAsync($"0912{i + 1:D7}"), new SubmitBallot(roundId, [needs[(i + 2) % 3], needs[i % 3]]));
        await app.SendAsync<RoundStatus>(facilitator, new CloseRound(roundId));
        return roundId;
    }
}
