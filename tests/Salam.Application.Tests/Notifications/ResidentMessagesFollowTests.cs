using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Duties.Commands.AssignDuty;
using Salam.Application.Home.Queries;
using Salam.Application.Notifications.Commands.FollowDuty;
using Salam.Application.Notifications.Commands.UnfollowDuty;
using Salam.Application.Rounds.Commands.PublishRound;
using Salam.Application.Tests.Completions;
using Salam.Domain.Duties;
using Salam.Domain.Rounds;
using Salam.Testing;

namespace Salam.Application.Tests.Notifications;

/// <summary>Who may follow which duty: a confirmed resident, only their own neighbourhood's; the home page says which they follow.</summary>
public sealed class ResidentMessagesFollowTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private Task<int> FollowsAsync(int dutyId) => App.ReadAsync(db => db.DutyFollows.CountAsync(f => f.DutyId == dutyId));

    [Fact]
    public async Task A_resident_follows_a_duty_of_their_neighbourhood_once_and_unfollows_it()
    {
        var duty = await WelfareDuties.NewAsync(App);
        var resident = await App.NewResidentAsync(duty.NeighbourhoodId);

        Assert.True(await App.SendAsync<bool>(resident, new FollowDuty(duty.Id)));
        Assert.True(await App.SendAsync<bool>(resident, new FollowDuty(duty.Id))); // twice is once
        Assert.Equal(1, await FollowsAsync(duty.Id));
        Assert.Equal(resident.ResidentId(), await App.ReadAsync(db => db.DutyFollows.Where(f => f.DutyId == duty.Id).Select(f => f.ResidentId).SingleAsync()));

        Assert.False(await App.SendAsync<bool>(resident, new UnfollowDuty(duty.Id)));
        Assert.False(await App.SendAsync<bool>(resident, new UnfollowDuty(duty.Id)));
        Assert.Equal(0, await FollowsAsync(duty.Id));
    }

    [Fact]
    public async Task Following_what_is_not_the_residents_to_follow_is_refused_and_nothing_is_written()
    {
        var duty = await WelfareDuties.NewAsync(App);
        var follower = await App.NewResidentAsync(duty.NeighbourhoodId);
        await App.SendAsync<bool>(follower, new FollowDuty(duty.Id));
        var foreigner = await App.NewResidentAsync((await App.MazandaranAsync()).Id);
        var (_, pending, _) = await App.PendingResidentAsync(duty.NeighbourhoodId);
        var neighbour = await App.NewResidentAsync(duty.NeighbourhoodId);
        var before = await App.MessagesFingerprintAsync();

        // Another neighbourhood's duty (a tampered id) reads as forbidden, following or unfollowing.
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<bool>(foreigner, new FollowDuty(duty.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<bool>(foreigner, new UnfollowDuty(duty.Id)));
        var mazandaranDuty = await App.ReadAsync(db => db.Duties.Where(d => d.NeighbourhoodId != duty.NeighbourhoodId).Select(d => d.Id).FirstAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<bool>(neighbour, new FollowDuty(mazandaranDuty)));
        // A pending resident is not yet a known neighbour.
        var notYet = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<bool>(pending, new FollowDuty(duty.Id)));
        Assert.Contains("تأیید", notYet.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<bool>(neighbour, new FollowDuty(987_654)));
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<bool>(neighbour, new FollowDuty(0)));
        Assert.Contains("معتبر نیست", invalid.Message);
        await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<bool>(neighbour, new UnfollowDuty(-3)));
        // Staff follow nothing: residents are texted, staff are e-mailed about their own work.
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<bool>(await App.PrincipalOfAsync("facilitator.pardisan"), new FollowDuty(duty.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<bool>(await App.PrincipalOfAsync(CompletionArrange.Manager), new UnfollowDuty(duty.Id)));

        Assert.Equal(before, await App.MessagesFingerprintAsync());
    }

    [Fact]
    public async Task The_home_page_says_which_duties_of_the_latest_priorities_the_resident_follows()
    {
        var (roundId, _, _) = await App.ClosedRoundAsync("دور دنبال کردن", online: 3);
        await App.SendAsync<RoundStatus>(await App.PrincipalOfAsync("officer.qom"), new PublishRound(roundId));
        var (pardisan, first, welfare) = await App.ReadAsync(async db => (
            await App.PardisanIdAsync(),
            await db.PriorityRounds.Where(r => r.Id == roundId).SelectMany(r => r.Results).OrderBy(r => r.Position).Select(r => r.NeedId).FirstAsync(),
            await db.Agencies.Where(a => a.NameEn == WelfareDuties.Agency).Select(a => a.Id).SingleAsync()));
        var dutyId = await App.SendAsync<int>(await App.PrincipalOfAsync("facilitator.pardisan"),
            new AssignDuty(pardisan, welfare, first, "کار اولویت نخست", "", Application.Common.Time.ProgrammeClock.Today(App.Clock).AddDays(20)));
        var resident = await App.NewResidentAsync(pardisan);

        DutyProgress Shown(ResidentHome home) => home.Priorities.SelectMany(p => p.Duties).Single(d => d.DutyId == dutyId);
        Assert.False(Shown(await App.SendAsync<ResidentHome>(resident, new GetResidentHome())).IsFollowed);
        await App.SendAsync<bool>(resident, new FollowDuty(dutyId));
        Assert.True(Shown(await App.SendAsync<ResidentHome>(resident, new GetResidentHome())).IsFollowed);
        // Another resident's follow is theirs alone.
        Assert.False(Shown(await App.SendAsync<ResidentHome>(await App.NewResidentAsync(pardisan), new GetResidentHome())).IsFollowed);
    }
}
