using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Notifications.Queries.GetRoundDelivery;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Application.Tests.Notifications;

/// <summary>A round's facilitator and the officers above see how its residents were told; no one else, whatever round id they send.</summary>
public sealed class RoundDeliveryTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private Task<int> RoundOfAsync(int neighbourhoodId) =>
        App.ReadAsync(db => db.PriorityRounds.Where(r => r.NeighbourhoodId == neighbourhoodId).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());

    [Fact]
    public async Task The_facilitator_sees_notified_sent_failed_waiting_and_cancelled_per_kind_of_their_round_only()
    {
        await App.ClearOutboxAsync();
        var (pardisan, _) = await App.PardisanAsync();
        var (mazandaran, _) = await App.MazandaranAsync();
        var round = await RoundOfAsync(pardisan);
        foreach (var status in new[] { MessageStatus.Sent, MessageStatus.Sent, MessageStatus.Sent, MessageStatus.Dead, MessageStatus.Pending, MessageStatus.Pending, MessageStatus.Cancelled })
            await App.MessageAsync(status, MessageKind.RoundOpened, round);
        await App.MessageAsync(MessageStatus.Sent, MessageKind.ResultsPublished, round);
        await App.MessageAsync(MessageStatus.Dead, MessageKind.ResultsPublished, round);
        // Not this round's: another round's, and a message about no round.
        await App.MessageAsync(MessageStatus.Sent, MessageKind.RoundOpened, await RoundOfAsync(mazandaran));
        await App.MessageAsync(MessageStatus.Dead, MessageKind.ShiftReminder);

        var delivery = await App.SendAsync<RoundDelivery>(await App.PrincipalOfAsync("facilitator.pardisan"), new GetRoundDelivery(round));

        Assert.Equal(
            [new DeliveryCount(MessageKind.RoundOpened, 7, 3, 1, 2, 1), new DeliveryCount(MessageKind.ResultsPublished, 2, 1, 1, 0, 0)],
            delivery.Kinds);
        Assert.Equal(new DeliveryCount(null, 9, 4, 2, 2, 1), delivery.Total);
    }

    [Fact]
    public async Task A_round_no_one_was_told_of_shows_nothing_sent()
    {
        await App.ClearOutboxAsync();
        var (pardisan, _) = await App.PardisanAsync();

        var delivery = await App.SendAsync<RoundDelivery>(await App.PrincipalOfAsync("facilitator.pardisan"), new GetRoundDelivery(await RoundOfAsync(pardisan)));

        Assert.Empty(delivery.Kinds);
        Assert.Equal(new DeliveryCount(null, 0, 0, 0, 0, 0), delivery.Total);
    }

    [Theory]
    [InlineData("facilitator.pardisan", true, false)]
    [InlineData("officer.qom", true, false)]
    [InlineData("facilitator.sari", false, true)]
    [InlineData("officer.mazandaran", false, true)]
    [InlineData("ministry", true, true)]
    [InlineData("admin", true, true)]
    public async Task Each_role_reaches_the_delivery_of_rounds_in_its_scope_only(string userName, bool reachesPardisan, bool reachesMazandaran)
    {
        var (pardisan, _) = await App.PardisanAsync();
        var (mazandaran, _) = await App.MazandaranAsync();
        var user = await App.PrincipalOfAsync(userName);

        foreach (var (round, reaches) in new[] { (await RoundOfAsync(pardisan), reachesPardisan), (await RoundOfAsync(mazandaran), reachesMazandaran) })
        {
            if (reaches) await App.SendAsync<RoundDelivery>(user, new GetRoundDelivery(round));
            else await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<RoundDelivery>(user, new GetRoundDelivery(round)));
        }
    }

    [Fact]
    public async Task Residents_and_agency_managers_do_not_see_delivery_and_an_unknown_round_is_not_found()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var round = await RoundOfAsync(pardisan);
        var resident = await App.ResidentPrincipalAsync(DemoDataSeeder.FirstResidentMobile);
        var manager = await App.PrincipalOfAsync(await App.ReadAsync(db => db.Users.Where(u => u.AgencyId != null).Select(u => u.UserName!).FirstAsync()));

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<RoundDelivery>(resident, new GetRoundDelivery(round)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<RoundDelivery>(manager, new GetRoundDelivery(round)));
        var admin = await App.PrincipalOfAsync("admin");
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<RoundDelivery>(admin, new GetRoundDelivery(int.MaxValue)));
    }
}
