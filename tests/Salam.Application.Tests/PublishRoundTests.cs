using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Home.Queries;
using Salam.Application.Rounds.Commands.PublishRound;
using Salam.Application.Rounds.Queries.GetRoundResults;
using Salam.Domain.Audit;
using Salam.Domain.Rounds;

namespace Salam.Application.Tests;

/// <summary>An officer publishes a closed round (Closed → Published); until then residents see nothing. Every refusal writes nothing.</summary>
public sealed class PublishRoundTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task The_officer_publishes_a_closed_round_and_only_then_its_residents_see_the_results()
    {
        var (roundId, _, _) = await App.ClosedRoundAsync("دور اعلام", online: 3);
        var resident = await App.FirstResidentAsync();
        var hidden = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<RoundResults>(resident, new GetRoundResults(roundId)));
        Assert.Equal(Text.Get("Results.NotYet"), hidden.Message);
        Assert.NotEmpty((await App.SendAsync<RoundResults>(await App.PrincipalOfAsync("facilitator.pardisan"), new GetRoundResults(roundId))).Rows);

        var since = await App.ReadAsync(async db => await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0);

        Assert.NotEqual(roundId, (await App.SendAsync<ResidentHome>(resident, new GetResidentHome())).LastClosedRound?.Id); // before publishing
        Assert.Equal(RoundStatus.Published, await App.SendAsync<RoundStatus>(await App.PrincipalOfAsync("officer.qom"), new PublishRound(roundId)));

        var results = await App.SendAsync<RoundResults>(resident, new GetRoundResults(roundId));
        Assert.Equal((RoundStatus.Published, 3), (results.Status, results.Rows.Count));
        var home = await App.SendAsync<ResidentHome>(resident, new GetResidentHome());
        Assert.Equal(roundId, home.LastClosedRound?.Id);
        Assert.NotEmpty(home.Priorities);
        var published = await App.ReadAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id > since && e.Kind == "Round" && e.SubjectId == roundId));
        var officerId = await App.ReadAsync(db => db.Users.Where(u => u.UserName == "officer.qom").Select(u => (int?)u.Id).SingleAsync());
        Assert.Equal((AuditAction.Changed, officerId), (published.Action, published.ActorUserId));
        Assert.Contains("\"Status\":3", published.After);
    }

    [Fact]
    public async Task The_administrator_may_publish_too()
    {
        var (roundId, _, _) = await App.ClosedRoundAsync("دور مدیر", online: 1);
        Assert.Equal(RoundStatus.Published, await App.SendAsync<RoundStatus>(await App.PrincipalOfAsync("admin"), new PublishRound(roundId)));
    }

    [Fact]
    public async Task A_round_that_is_open_or_already_published_is_not_published_and_nothing_is_written()
    {
        var officer = await App.PrincipalOfAsync("officer.qom");
        var (open, _) = await App.OpenRoundWithBallotsAsync("دور باز", online: 1);
        var (published, _, _) = await App.ClosedRoundAsync("دور اعلام‌شده", online: 1);
        await App.SendAsync<RoundStatus>(officer, new PublishRound(published));
        var before = await App.CountFingerprintAsync();

        foreach (var roundId in new[] { open, published })
        {
            var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<RoundStatus>(officer, new PublishRound(roundId)));
            Assert.Equal(Text.Get("Round.NotClosed"), refused.Message);
        }
        Assert.Equal(before, await App.CountFingerprintAsync());
    }

    [Fact]
    public async Task Neither_the_facilitator_nor_another_provinces_officer_publishes_and_nothing_is_written()
    {
        var (roundId, _, _) = await App.ClosedRoundAsync("دور دیگران", online: 1);
        var before = await App.CountFingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<RoundStatus>(await App.PrincipalOfAsync("facilitator.pardisan"), new PublishRound(roundId)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<RoundStatus>(await App.PrincipalOfAsync("officer.mazandaran"), new PublishRound(roundId)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<RoundStatus>(await App.FirstResidentAsync(), new PublishRound(roundId)));
        Assert.Equal(before, await App.CountFingerprintAsync());
        Assert.Equal(RoundStatus.Closed, await App.ReadAsync(db => db.PriorityRounds.Where(r => r.Id == roundId).Select(r => r.Status).SingleAsync()));
    }
}
